class Parser:
    def parse(self, text):
        self.check(text)
    def check(self, text):
        raise ValueError(f"bad text: {text!r}")
Parser().parse("12x")
