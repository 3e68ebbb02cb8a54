x = ['ß', False, 0, 9, False]
try: x.sort(reverse=True)
except TypeError as e: print(e)
print(x)
y = [3, 'a', 1, 2]
try: y.sort()
except TypeError as e: print(e)
print(y)
z = list(range(100)) + ['a'] + list(range(50))
try: z.sort()
except TypeError as e: print(e)
print(len(z), sorted(z[:5]) if all(isinstance(i,int) for i in z[:5]) else 'x')
print(sorted([3,1,2], reverse=True), sorted(['b','a'], key=str.upper))
w = [1, 2, 3]
try: w.sort(key=lambda v: 1/(v-2))
except ZeroDivisionError as e: print(e)
print(w)
