class Point:
    def __init__(self):
        self.x = 1
print('before')
match Point():
    case Point(1):
        pass
