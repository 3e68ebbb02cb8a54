# continue in an except* block
for x in range(3):
    try:
        pass
    except* ValueError:
        continue
