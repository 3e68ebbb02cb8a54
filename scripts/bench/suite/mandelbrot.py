"""Mandelbrot set membership on a grid, counted per row with complex-free float arithmetic."""


def mandel(w, h, limit):
    total = 0
    rows = []
    for y in range(h):
        ci = 2.0 * y / h - 1.0
        row = 0
        for x in range(w):
            cr = 2.0 * x / w - 1.5
            zr = zi = 0.0
            i = 0
            while i < limit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            if i == limit:
                row += 1
        rows.append(row)
        total += row
    return total, hash(tuple(rows)) & 0xFFFFFF


print("mandelbrot", mandel(240, 180, 60))
