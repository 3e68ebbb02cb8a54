"""An incremental constraint solver in the DeltaBlue style: constraints of
different strengths over variables; adding or removing one re-plans only what
it affects; plans are extracted and executed for a chain and a projection."""

REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)


def stronger(a, b):
    return a < b


def weaker(a, b):
    return a > b


class Var:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk = WEAKEST
        self.stay = True
        self.mark = 0


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self, planner):
        self.add_to_vars()
        planner.incremental_add(self)

    def remove(self, planner):
        if self.is_satisfied():
            planner.incremental_remove(self)
        else:
            self.remove_from_vars()

    def satisfy(self, mark, planner):
        self.choose(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not planner.add_propagate(self, mark):
            raise RuntimeError("cycle")
        out.mark = mark
        return overridden

    def is_input(self):
        return False


class Unary(Constraint):
    def __init__(self, v, strength, planner):
        super().__init__(strength)
        self.v = v
        self.satisfied = False
        self.add(planner)

    def add_to_vars(self):
        self.v.constraints.append(self)

    def remove_from_vars(self):
        self.v.constraints.remove(self)

    def choose(self, mark):
        self.satisfied = self.v.mark != mark and stronger(self.strength, self.v.walk)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def inputs_known(self, mark):
        return True

    def output(self):
        return self.v

    def recalculate(self):
        self.v.walk = self.strength
        self.v.stay = not self.is_input()
        if self.v.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False


class Stay(Unary):
    def execute(self):
        pass


class Edit(Unary):
    def is_input(self):
        return True

    def execute(self):
        pass


FORWARD, BACKWARD, NONE = 1, 2, 0


class Binary(Constraint):
    def __init__(self, a, b, strength, planner):
        super().__init__(strength)
        self.a = a
        self.b = b
        self.direction = NONE
        self.add(planner)

    def add_to_vars(self):
        self.a.constraints.append(self)
        self.b.constraints.append(self)

    def remove_from_vars(self):
        self.a.constraints.remove(self)
        self.b.constraints.remove(self)

    def choose(self, mark):
        a, b = self.a, self.b
        if a.mark == mark:
            self.direction = FORWARD if b.mark != mark and stronger(self.strength, b.walk) else NONE
        elif b.mark == mark:
            self.direction = BACKWARD if a.mark != mark and stronger(self.strength, a.walk) else NONE
        elif weaker(a.walk, b.walk):
            self.direction = BACKWARD if stronger(self.strength, a.walk) else NONE
        else:
            self.direction = FORWARD if stronger(self.strength, b.walk) else BACKWARD

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def recalculate(self):
        i, o = self.input(), self.output()
        o.walk = max(self.strength, i.walk)
        o.stay = i.stay
        if o.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE


class Equal(Binary):
    def execute(self):
        self.output().value = self.input().value


class Scale(Binary):
    def __init__(self, src, scale, offset, dest, strength, planner):
        self.scale = scale
        self.offset = offset
        super().__init__(src, dest, strength, planner)

    def add_to_vars(self):
        super().add_to_vars()
        self.scale.constraints.append(self)
        self.offset.constraints.append(self)

    def remove_from_vars(self):
        super().remove_from_vars()
        self.scale.constraints.remove(self)
        self.offset.constraints.remove(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        i, o = self.input(), self.output()
        o.walk = max(self.strength, i.walk)
        o.stay = i.stay and self.scale.stay and self.offset.stay
        if o.stay:
            self.execute()


class Planner:
    def __init__(self):
        self.mark = 0

    def new_mark(self):
        self.mark += 1
        return self.mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark, self)
        while overridden is not None:
            overridden = overridden.satisfy(mark, self)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_vars()
        unsatisfied = self.remove_propagate_from(out)
        for s in range(REQUIRED, WEAKEST + 1):
            for u in unsatisfied:
                if u.strength == s:
                    self.incremental_add(u)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def consumers(self, v, todo):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)

    def extract_plan(self, constraints):
        sources = [c for c in constraints if c.is_input() and c.is_satisfied()]
        mark = self.new_mark()
        plan = []
        todo = sources
        while todo:
            c = todo.pop(0)
            if c.output().mark != mark and c.inputs_known(mark):
                plan.append(c)
                c.output().mark = mark
                self.consumers(c.output(), todo)
        return plan


def run_plan(plan):
    for c in plan:
        c.execute()


def chain(n):
    planner = Planner()
    vs = [Var("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        Equal(vs[i], vs[i + 1], REQUIRED, planner)
    Stay(vs[n], STRONG_DEFAULT, planner)
    edit = Edit(vs[0], PREFERRED, planner)
    plan = planner.extract_plan([edit])
    total = 0
    for i in range(100):
        vs[0].value = i
        run_plan(plan)
        total += vs[n].value
    edit.remove(planner)
    return total


def projection(n):
    planner = Planner()
    scale = Var("scale", 10)
    offset = Var("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Var("src%d" % i, i)
        dst = Var("dst%d" % i, i)
        dests.append(dst)
        Stay(src, NORMAL, planner)
        Scale(src, scale, offset, dst, REQUIRED, planner)
    total = 0
    for value in (17, 1050, 5):
        e = Edit(src if value == 17 else dst, PREFERRED, planner)
        plan = planner.extract_plan([e])
        (src if value == 17 else dst).value = value
        run_plan(plan)
        e.remove(planner)
        total += src.value + dst.value
    for value in (5, 100):
        e = Edit(scale, PREFERRED, planner)
        plan = planner.extract_plan([e])
        scale.value = value
        run_plan(plan)
        e.remove(planner)
        total += sum(d.value for d in dests)
    return total


checksum = 0
for r in range(12):
    checksum += chain(500 + r) + projection(500 + r)
print("deltablue", checksum)
