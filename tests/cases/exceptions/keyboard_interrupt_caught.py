def main():
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        print("interrupted, cleaning up")
        return 0
print(main())
