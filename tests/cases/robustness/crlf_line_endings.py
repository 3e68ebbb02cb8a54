x = 1
if x:
    print('crlf ok')
for i in range(2):
    print(i)
