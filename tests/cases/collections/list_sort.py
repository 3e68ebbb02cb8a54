people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["Banana", "apple", "cherry", "Apple"]
words.sort(key=str.lower)
print(words)
print(sorted([3, 1, 2], reverse=True), sorted("cab"), sorted((2, 1)), sorted({3: 0, 1: 0}))
stable = sorted([(1, "b"), (0, "z"), (1, "a"), (0, "y")], key=lambda t: t[0])
print(stable)
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([1.5, 1, True, 0.5]))
