# binascii: hex, base64, uuencode, quoted-printable and the CRCs.
import binascii

data = b'Hello, classroom!\x00\xff\x10'
print(binascii.hexlify(data))
print(binascii.b2a_hex(data, '-'), binascii.hexlify(data, b':', 4), binascii.hexlify(data, ' ', -3))
print(binascii.unhexlify('48656c6c6f'), binascii.a2b_hex(b'DEADbeef'))

for chunk in [b'', b'a', b'ab', b'abc', b'abcd', data]:
    enc = binascii.b2a_base64(chunk)
    print(enc, binascii.b2a_base64(chunk, newline=False), binascii.a2b_base64(enc) == chunk)
print(binascii.a2b_base64('aGVs bG8h\n'), binascii.a2b_base64(b'YQ==YQ=='), binascii.a2b_base64(b'Y*Q=='))

line = binascii.b2a_uu(b'uuencode me')
print(line, binascii.a2b_uu(line), binascii.b2a_uu(b'', backtick=True), binascii.b2a_uu(b'\x00\x00\x00', backtick=True))
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'#86)C\n'), binascii.a2b_uu(b'#86)C   \n'))

print(binascii.crc32(b'hello'), binascii.crc32(b' world', binascii.crc32(b'hello')), binascii.crc32(b'x', -1))
print(binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'hello', 0xffff))

text = b'caf\xc3\xa9 = 100% sure\t\nline with trailing space \nsoft ' + b'x' * 90 + b'\r\n.\n'
qp = binascii.b2a_qp(text)
print(qp)
print(binascii.a2b_qp(qp) == text)
print(binascii.b2a_qp(b'a b_c\td', quotetabs=True), binascii.b2a_qp(b'a b_c', header=True))
print(binascii.b2a_qp(b'x\ny\r\n', istext=False), binascii.b2a_qp(b'end \t'))
print(binascii.a2b_qp(b'a=3Db=\nc=\r\nd==e=zz=4'), binascii.a2b_qp(b'a_b=5Fc', header=True))
