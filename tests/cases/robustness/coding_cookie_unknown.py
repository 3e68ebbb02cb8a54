# coding: xyz
print("never runs")
