def find():
    pass
find()["key"]
