# CPython's csv.py over gilt's _csv: writer, reader, DictWriter/DictReader,
# dialects (registered, classes, excel-tab, unix), quoting modes.
import sys
sys.path.append('/usr/lib/python3.11')
import csv
import io

s = io.StringIO()
w = csv.writer(s)
w.writerow(['name', 'age', 'note'])
w.writerows([['Ann', 31, 'likes "tea"'], ['Bob', 2.5, 'a,b'], ['Cy', None, 'two\nlines'], [''], []])
print(repr(s.getvalue()))
for row in csv.reader(io.StringIO(s.getvalue(), newline='')):
    print(row)

s2 = io.StringIO()
dw = csv.DictWriter(s2, fieldnames=['x', 'y'])
dw.writeheader()
dw.writerow({'x': 1, 'y': 'q'})
dw.writerows([{'x': 2}, {'y': 3}])
print(repr(s2.getvalue()))
for d in csv.DictReader(io.StringIO(s2.getvalue())):
    print(d)
for d in csv.DictReader(['a,b', '1,2,3', '4'], restkey='more', restval='-'):
    print(d)
try:
    dw.writerow({'z': 1})
except ValueError as e:
    print('ValueError', e)

print(sorted(csv.list_dialects()))
print(list(csv.reader(['a;b;"c;d"'], delimiter=';')))
print(list(csv.reader(['a\tb'], dialect='excel-tab')), repr(csv.get_dialect('unix').lineterminator))

class Pipes(csv.Dialect):
    delimiter = '|'
    quotechar = "'"
    quoting = csv.QUOTE_ALL
    lineterminator = '\n'
    doublequote = True
    skipinitialspace = False

s3 = io.StringIO()
csv.writer(s3, Pipes).writerow(['a', 1, "it's"])
print(repr(s3.getvalue()), list(csv.reader(io.StringIO(s3.getvalue()), Pipes)))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_NONNUMERIC)
s4 = io.StringIO()
csv.writer(s4, 'semi').writerow([1, 'a', 2.5, -3])
print(repr(s4.getvalue()), list(csv.reader(s4.getvalue().splitlines(), 'semi')))
s4 = io.StringIO()
csv.writer(s4, 'semi').writerow([True, None, 'x'])
print(repr(s4.getvalue()))
csv.unregister_dialect('semi')
try:
    class Bad(csv.Dialect):
        delimiter = 'xx'
        quotechar = '"'
        lineterminator = '\n'
        quoting = csv.QUOTE_MINIMAL
    Bad()
except csv.Error as e:
    print('Error', e)

s5 = io.StringIO()
csv.writer(s5, escapechar='\\', doublequote=False, lineterminator='\n').writerow(['a"b', 'c\\d', 'e,f'])
csv.writer(s5, quoting=csv.QUOTE_NONE, escapechar='\\', lineterminator='\n').writerow(['a,b', 'q"'])
print(repr(s5.getvalue()))
print(list(csv.reader(s5.getvalue().splitlines(), escapechar='\\')))
print(list(csv.reader(['a, b,"c""d","e', 'f"', '', ' x'], skipinitialspace=True)))
r = csv.reader(['x,y\n', '"multi\n', 'line",z\n'])
for row in r:
    print(r.line_num, row)
print(r.dialect.delimiter, r.dialect.quoting, csv.field_size_limit())
