print('bom ok')
print('second line')
