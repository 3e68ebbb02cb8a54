stack = []
for i in range(4):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue)
brackets = "([]{()})"
pairs = {")": "(", "]": "[", "}": "{"}
st = []
ok = True
for ch in brackets:
    if ch in "([{":
        st.append(ch)
    elif not st or st.pop() != pairs[ch]:
        ok = False
print("balanced" if ok and not st else "unbalanced")
