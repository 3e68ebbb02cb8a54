# Modules of CPython's own library, embedded in gilt, imported and used.
import builtins, keyword, difflib, shlex, fnmatch, textwrap, graphlib, colorsys, sched
import json.decoder, urllib.parse, email, configparser, html, string
print(builtins.len is len, builtins.__name__)
print(keyword.iskeyword("lambda"), keyword.kwlist[:3])
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"], lineterm="")))
print(shlex.split('a "b c" d'), shlex.quote("it's"))
print(fnmatch.fnmatch("x.py", "*.py"), fnmatch.filter(["a.py", "b.txt"], "*.txt"))
ts = graphlib.TopologicalSorter({"b": {"a"}, "c": {"b"}})
print(list(ts.static_order()))
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
print(urllib.parse.urlsplit("http://example.com:8080/a/b?x=1#f"))
print(urllib.parse.quote("a b&c"), urllib.parse.parse_qs("a=1&b=2&a=3"))
cp = configparser.ConfigParser()
cp.read_string("[s]\nk = v\n")
print(cp["s"]["k"], cp.sections())
print(html.escape("<a href='x'>"), html.unescape("&lt;&amp;&gt;"))
print(json.decoder.__name__, json.decoder.__package__)
import json as j2
print(j2.__name__)
