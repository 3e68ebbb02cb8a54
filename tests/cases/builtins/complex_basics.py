# complex: literals, constructor, repr/str, attributes, arithmetic
vals = [1j, 2.5J, 0j, -0j, 1 + 2j, 1 - 2j, -1 - 0j, -(0j), 1e16j, 1e-5j, 3.0 + 0j,
        complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), 123456789012345678j,
        complex(float('nan'), float('inf')), complex(float('-inf'), float('nan')), 1_000j, 0x10 + 1j]
for v in vals:
    print(repr(v), str(v), v.real, v.imag)
print(type(1j), type(1j).__name__, complex, isinstance(1j, complex), issubclass(complex, object))
print(complex(), complex(1), complex(1.5), complex(2, 3), complex(1j, 1j), complex(real=1, imag=2))
print(complex(True, False), complex(1 + 2j), complex(imag=3), complex(10**20))
for s in ['1+2j', ' (1+2j) ', '-1.5e3-2.5J', 'j', '-j', '+j', '3', '4j', 'inf+nanj', '-infj', '1_0+2_0j',
          '(  3-4j  )', '1e3j', '.5+.5j', 'nan', 'infinity-infinityj', '1+j', '1-j']:
    print(repr(s), complex(s))
for s in ['', ' ', '1+', '1+2', 'j1', '1 +2j', '(1+2j', '1+2j)', '1__0j', '_1j', '1jj', 'abc', '1+2i', '()', '(1)(2)']:
    try:
        print(complex(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for args in [(None,), (1, None), ('1', 2), (1, '2'), ([],), (1, []), ('1', '2')]:
    try:
        print(complex(*args))
    except TypeError as e:
        print(args, 'TypeError', e)
z = 3 + 4j
print(z.conjugate(), abs(z), -z, +z, z == 3 + 4j, z != 3 + 4j, bool(0j), bool(z), bool(-0j))
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** b, a ** -1, a ** 0, 2 ** a, a ** 0.5)
print(a + 1, 1 + a, a - 1.5, 1.5 - a, a * 2, 2 * a, a / 2, 2 / a, True + a, a * False)
print(1j * 1j, 1j ** 2, (-1) ** 0.5, (-8) ** (1 / 3), 0j ** 0, 0j ** 2, (1+1j) ** 100)
print(1 == 1 + 0j, 1.5 == 1.5 + 0j, 1 + 0j == True, 2 ** 60 == complex(2 ** 60), 2 ** 53 + 1 == complex(2 ** 53 + 1))
print(1j == 'x', 1j != None, [1j] == [1j], (1 + 0j) in [1], 1 in {1 + 0j})
for v in [0j, 1 + 0j, 1j, 1 + 1j, -1j, 2.5 + 0j, complex(0, -0.0), complex(-1, 0), complex(float('inf'), 0), complex(1e300, 1e300)]:
    print(repr(v), hash(v))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1: 'a'}[1 + 0j], {1 + 0j: 'b'}[1])
print(complex.conjugate(2j), z.__complex__(), (1+2j).__getnewargs__(), complex.__add__(1j, 2), (1j).__radd__(2))
print(1j.__eq__(1), 1j.__lt__(1), (1j).__add__('x'))
print(sum([1j, 2, 3.5]), abs(-0j), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), float('inf'))))
print(divmod.__name__, pow(2j, 2), pow(1j, -2), round.__name__)
x = 1j
x += 1
x *= 2
print(x)
