print('ok')
s = 'never closed