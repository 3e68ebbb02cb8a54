# Complex literals in case patterns: imaginary numbers and real +/- imaginary
def kind(z):
    match z:
        case 0 + 0j:
            return 'zero'
        case 1j:
            return 'i'
        case -1j:
            return '-i'
        case 1 + 2j | 1 - 2j:
            return 'one-two'
        case -1.5 - 0.5j:
            return 'neg'
        case {2j: v}:
            return f'map {v}'
        case [3 + 0j, *rest]:
            return f'seq {rest}'
        case _:
            return 'other'

for z in [0, 0j, 0.0, 1j, -1j, complex(0, -1), 1 + 2j, 1 - 2j, -1.5 - 0.5j, {2j: 'x'}, [3, 4], 5j]:
    print(repr(z), kind(z))
