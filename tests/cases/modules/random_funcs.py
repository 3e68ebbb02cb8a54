import random
random.seed(2024)
items = ["apple", "banana", "cherry", "date", "elder", "fig"]
print(random.choice(items), random.choice(items), random.choice(range(100)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(items, 3))
print(random.uniform(1, 10), random.uniform(-5, 5))
print(random.choices(items, k=4))
print(random.choices(items, weights=[10, 1, 1, 1, 1, 1], k=5))
print([random.randint(0, 1) for _ in range(20)])
print(random.randrange(1000, 2000))
