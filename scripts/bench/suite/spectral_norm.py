"""Spectral norm of an infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1) by power iteration."""


def a(i, j):
    return 1.0 / (((i + j) * (i + j + 1) >> 1) + i + 1)


def mul_av(v, n):
    return [sum(a(i, j) * v[j] for j in range(n)) for i in range(n)]


def mul_atv(v, n):
    return [sum(a(j, i) * v[j] for j in range(n)) for i in range(n)]


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def spectral(n):
    u = [1.0] * n
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


print("spectral_norm %.9f" % spectral(150))
