class InventoryError(Exception):
    pass
print("checking stock")
raise InventoryError("out of widgets")
