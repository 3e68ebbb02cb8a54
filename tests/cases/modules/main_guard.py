def main():
    print("main() called, __name__ =", __name__)
print("module level runs first")
if __name__ == "__main__":
    main()
else:
    print("imported")
