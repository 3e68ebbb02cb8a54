# format() of complex numbers
specs = ['', '.2', '.3f', 'e', 'E', '10', '<20', '^20.2f', '*>25', '+', ' ', '-', '+.1e', 'g', 'G', '.0f', '#.0f',
         ',', '_.2f', ',.2f', 'n', '30', '=^30.3g', 'z.1f', '.10', '#g', '#']
vals = [1 + 2j, -1.5 - 2.25j, 1234567.125 + 0j, 1j, -0j, complex(-0.0, -0.0), complex(float('nan'), float('inf')), 1e20 - 1e-20j, 0j]
for v in vals:
    for s in specs:
        print(repr(v), repr(s), repr(format(v, s)))
for s in ['010', '0<10', '=10', 'd', 'x', '%', 's', ',d']:
    try:
        print(format(1 + 2j, s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(f'{1+2j}', f'{1+2j!r:>12}', f'{3j:.1f}', '{:+}'.format(1-1j), '%s %r' % (1j, 2+3j))
try:
    print('%f' % 1j)
except TypeError as e:
    print('TypeError', e)
