"""An operating-system task scheduler simulation: idle, worker, handler and
device tasks exchange packets through a priority-ordered task list."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, prio, queue):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is None:
            return None
        self.queue = p.link
        self.waiting = self.queue is not None and False
        return p

    def receive(self, packet):
        """A packet arrives: queue it, and say whether this task should now run first."""
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = False
            return self.prio > self.sched.current.prio
        self.queue = packet.append_to(self.queue)
        return False


class IdleTask(Task):
    def __init__(self, sched, ident, prio, count):
        Task.__init__(self, sched, ident, prio, None)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.count = 0
        for i in range(4):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            packet.data[i] = self.letter
        return self.sched.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.work = None
        self.device = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.device = packet.append_to(self.device)
        if self.work is not None:
            work = self.work
            count = work.count
            if count < 4:
                if self.device is not None:
                    dev = self.device
                    self.device = dev.link
                    dev.data[0] = work.data[count]
                    work.count = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, prio):
        Task.__init__(self, sched, ident, prio, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p, self.pending = self.pending, None
            return self.sched.queue_packet(p)
        self.pending = packet
        self.sched.holds += 1
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.holds = 0
        self.queued = 0

    def hold_self(self):
        self.holds += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        return t if t.prio > self.current.prio else self.current

    def queue_packet(self, packet):
        t = self.table[packet.ident]
        self.queued += 1
        packet.ident = self.current.ident
        return t if t.receive(packet) else self.current

    def run(self):
        self.current = self.tasks
        while self.current is not None:
            t = self.current
            if t.runnable():
                packet = t.take_packet() if t.waiting or t.queue is not None else None
                self.current = t.step(packet)
            else:
                self.current = t.link


def bench(count):
    s = Scheduler()
    IdleTask(s, IDLE, 1, count)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(s, WORKER, 1000, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.queued, s.holds


total = 0
for r in range(8):
    q, h = bench(10000 + r)
    total += q * 7 + h
print("richards", total)
