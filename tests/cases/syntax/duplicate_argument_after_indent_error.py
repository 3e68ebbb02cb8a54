print("never runs")
def area(w, w):
"""The body is missing: that error comes first."""
