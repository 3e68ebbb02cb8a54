# A class without a docstring has __doc__ = None in its own namespace:
# its instances read it, and it hides a base class's docstring.
class Plain:
    pass


class Documented:
    "base doc"


class Child(Documented):
    pass


print('__doc__' in Plain.__dict__, Plain.__dict__['__doc__'])
print(Plain.__doc__, Plain().__doc__)
print(Documented().__doc__, Child.__doc__, Child().__doc__)
T = type('T', (), {})
print('__doc__' in T.__dict__, T().__doc__)
U = type('U', (), {'__doc__': 'given'})
print(U().__doc__)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    x = 1


print(WithMeta.__doc__, WithMeta().__doc__, '__doc__' in vars(WithMeta))


class Slotted:
    __slots__ = ('__doc__', 'x')


s = Slotted()
s.__doc__ = 'per instance'
print(s.__doc__, type(Slotted.__dict__['__doc__']).__name__)


# str() of a str subclass or an exception with only a __repr__ is its text.
class Tok(str):
    def __repr__(self):
        return 'Tok(%s)' % str.__repr__(self)


class Err(Exception):
    def __repr__(self):
        return 'Err!'


class Num(int):
    def __repr__(self):
        return 'Num!'


t = Tok('ab')
print(str(t), '%s' % t, f'{t}', format(t), [t], str(Err('msg')), repr(Err('m')), str(Num(3)), f'{Num(3)}')

# email.policy reads `attr.__doc__` of instances of classes without docstrings.
from email.message import EmailMessage
import email

m = EmailMessage()
m['Subject'] = 'hi'
m['To'] = 'a@b.c'
m.set_content('body')
text = m.as_string()
print(text)
m2 = email.message_from_string(text)
print(m2['subject'], m2.get_payload().strip())
