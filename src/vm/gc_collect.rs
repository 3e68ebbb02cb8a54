//! The cycle collector's collection (CPython's gc algorithm over the
//! objects `object/gc.rs` tracks): three generations, automatic collection
//! at safe points, finalizers (PEP 442), resurrection, and breaking the
//! cycles of what is left.
//!
//! Soundness: a collection reads reference counts and the contents of
//! containers, so nothing may mutate them meanwhile. With the GIL on, the
//! collecting thread holds it and every other Python thread waits at a safe
//! point or in a blocking call that touches no Python object. With the GIL
//! off there is no such guarantee, so a collection runs only while this is
//! the one Python thread alive; otherwise it is put off (objects then live
//! until a collection can run, which only keeps more alive).

// Keyed by addresses: hashbrown's default hasher (foldhash) is several
// times cheaper than std's SipHash, which needs no DoS resistance here.
use hashbrown::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use parking_lot::Mutex;

use super::Vm;
use crate::object::gc::{self, GcObj, GcRef};
use crate::object::value::Value;
use crate::runtime::gil::BreakerBit;
use std::sync::Arc;

/// `gc.DEBUG_SAVEALL`: garbage goes to `gc.garbage` instead of being freed.
pub const DEBUG_SAVEALL: u32 = 32;

/// What one generation has seen (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// The registry: generations of tracked objects (weakly), counts,
/// thresholds and switches.
#[derive(Default)]
struct Heap {
    gens: [Vec<GcRef>; 3],
    /// Young objects added since the last collection of generation 0, then
    /// collections of the younger generation since the last of 1 and 2.
    counts: [usize; 3],
    thresholds: [usize; 3],
    frozen: Vec<GcRef>,
    /// Survivors moved to the oldest generation since its last collection,
    /// and its size then (CPython collects it only when the first is a
    /// quarter of the second).
    long_lived_pending: usize,
    long_lived_total: usize,
    stats: [GenStats; 3],
}

/// One runtime's collector state (`Runtime::gc`).
pub struct GcState {
    heap: Mutex<Heap>,
    enabled: AtomicBool,
    collecting: AtomicBool,
    pub debug: AtomicU32,
    /// `gc.callbacks` and `gc.garbage`: the lists the module exposes.
    pub callbacks: Value,
    pub garbage: Value,
    /// Weak references to referents other than instances (`object/weakref.rs`).
    pub watched: crate::object::weakref::Watched,
}

impl Default for GcState {
    fn default() -> Self {
        let heap = Heap { thresholds: [700, 10, 10], ..Default::default() };
        GcState {
            heap: Mutex::new(heap),
            enabled: AtomicBool::new(true),
            collecting: AtomicBool::new(false),
            debug: AtomicU32::new(0),
            callbacks: Value::list(Vec::new()),
            garbage: Value::list(Vec::new()),
            watched: Default::default(),
        }
    }
}

impl GcState {
    pub fn set_enabled(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed)
    }
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }
    pub fn thresholds(&self) -> [usize; 3] {
        self.heap.lock().thresholds
    }
    pub fn set_thresholds(&self, t: [usize; 3]) {
        self.heap.lock().thresholds = t;
        gc::set_nursery_threshold(t[0]);
    }
    /// `gc.get_count()`: young objects (this thread's nursery included),
    /// then collections of the younger generations.
    pub fn counts(&self) -> [usize; 3] {
        let mut c = self.heap.lock().counts;
        c[0] += gc::nursery_len();
        c
    }
    pub fn stats(&self) -> [GenStats; 3] {
        self.heap.lock().stats
    }
    /// Moves this thread's nursery into generation 0.
    fn flush_nursery(&self) {
        let young = gc::take_nursery();
        let mut h = self.heap.lock();
        h.counts[0] += young.len();
        h.gens[0].extend(young);
    }
    /// Moves this thread's young objects into the registry (a thread ending).
    pub fn adopt_nursery(&self) {
        self.flush_nursery();
    }

    /// Live tracked objects of a generation (all when `None`), oldest first.
    pub fn objects(&self, generation: Option<usize>) -> Vec<GcObj> {
        self.flush_nursery();
        let h = self.heap.lock();
        let gens: Vec<&Vec<GcRef>> = match generation {
            Some(g) => vec![&h.gens[g]],
            None => h.gens.iter().rev().collect(),
        };
        let refs: Vec<GcRef> = gens.into_iter().flatten().cloned().collect();
        drop(h);
        refs.iter().filter_map(GcRef::upgrade).collect()
    }
    /// `gc.freeze()`: everything tracked moves to the permanent generation.
    pub fn freeze(&self) {
        self.flush_nursery();
        let mut h = self.heap.lock();
        let all: Vec<GcRef> = h.gens.iter_mut().flat_map(std::mem::take).collect();
        h.frozen.extend(all);
        h.counts = [0; 3];
    }
    /// `gc.unfreeze()`: the permanent generation goes back to the oldest.
    pub fn unfreeze(&self) {
        let mut h = self.heap.lock();
        let f = std::mem::take(&mut h.frozen);
        h.gens[2].extend(f);
    }
    pub fn freeze_count(&self) -> usize {
        let mut h = self.heap.lock();
        h.frozen.retain(|r| !r.is_dead());
        h.frozen.len()
    }
    /// Whether an object is tracked (in a generation, frozen, or young).
    pub fn is_tracked(&self, addr: usize) -> bool {
        self.flush_nursery();
        let h = self.heap.lock();
        h.gens.iter().chain(std::iter::once(&h.frozen)).flatten().any(|r| r.upgrade().is_some_and(|o| o.addr() == addr))
    }
}

impl Vm {
    /// Whether a collection can run now (see the module notes on the GIL).
    fn gc_may_run(&self) -> bool {
        self.rt.gil.enabled() || self.rt.gil.live_threads() <= 1
    }

    /// The safe-point hook for [`BreakerBit::GC`]: moves this thread's young
    /// objects into the registry and collects the generation that is due.
    pub fn gc_safe_point(&mut self) {
        self.rt.gil.clear_bit(BreakerBit::GC);
        let rt = self.rt.clone();
        let st = &rt.gc;
        st.flush_nursery();
        if !st.is_enabled() || self.finalizing || st.collecting.load(Ordering::Relaxed) || !self.gc_may_run() {
            return;
        }
        let due = {
            let h = st.heap.lock();
            (0..3).rev().find(|&g| {
                h.counts[g] > h.thresholds[g]
                    && h.thresholds[0] > 0
                    && (g < 2 || h.long_lived_pending >= h.long_lived_total / 4)
            })
        };
        if let Some(g) = due {
            self.gc_collect(g);
        }
    }

    /// `gc.collect(generation)`: collects generations 0 to `generation`,
    /// runs what finalizers that queued, and returns the number of
    /// unreachable objects found.
    pub fn gc_collect(&mut self, generation: usize) -> usize {
        let rt = self.rt.clone();
        let st = &rt.gc;
        // With the GIL off, a thread just joined may not have left yet:
        // give it a moment before deciding a collection cannot run.
        for _ in 0..10 {
            if self.gc_may_run() {
                break;
            }
            self.allow_threads(crate::runtime::gil::BlockKind::Sleep, || {
                std::thread::sleep(std::time::Duration::from_millis(1))
            });
        }
        if !self.gc_may_run() || st.collecting.swap(true, Ordering::Acquire) {
            self.run_finalizers();
            return 0;
        }
        self.gc_callbacks("start", generation, 0);
        let found = self.collect_generations(generation);
        st.collecting.store(false, Ordering::Release);
        for r in st.watched.take_dead() {
            self.rt.finalizers.push_job(crate::object::finalize::Job::WeakCallback(Value::Instance(r)));
        }
        self.run_finalizers();
        self.gc_callbacks("stop", generation, found);
        found
    }

    /// Calls each of `gc.callbacks` with `phase` and the info dict.
    fn gc_callbacks(&mut self, phase: &str, generation: usize, collected: usize) {
        let Value::List(l) = &self.rt.gc.callbacks else { return };
        let cbs = l.snapshot();
        if cbs.is_empty() {
            return;
        }
        let info = std::sync::Arc::new(crate::object::dict::Dict::new());
        info.set_item_str("generation", Value::Int(generation as i64));
        info.set_item_str("collected", Value::Int(collected as i64));
        info.set_item_str("uncollectable", Value::Int(0));
        for cb in cbs {
            if let Err(e) = self.call(&cb, vec![Value::str(phase), Value::Dict(info.clone())]) {
                let what = self.repr_of(&cb).unwrap_or_default();
                self.report_unraisable(&format!("calling GC callback {what}"), &e);
            }
        }
    }

    fn collect_generations(&mut self, generation: usize) -> usize {
        let rt = self.rt.clone();
        let st = &rt.gc;
        st.flush_nursery();
        let generation = generation.min(2);
        // Take the generations out (oldest first, as CPython merges the
        // young into the old); survivors go back below.
        let refs: Vec<GcRef> = {
            let mut h = st.heap.lock();
            let mut out = Vec::new();
            for g in (0..=generation).rev() {
                out.append(&mut h.gens[g]);
            }
            if generation == 1 && h.gens[2].len() > 4096 {
                h.gens[2].retain(|r| !r.is_dead());
            }
            out
        };
        let mut objs: Vec<GcObj> = Vec::with_capacity(refs.len());
        let mut index: HashMap<usize, usize> = HashMap::with_capacity(refs.len());
        for r in refs {
            if let Some(o) = r.upgrade() {
                let a = o.addr();
                if let hashbrown::hash_map::Entry::Vacant(e) = index.entry(a) {
                    e.insert(objs.len());
                    objs.push(o);
                }
            }
        }
        let reachable = mark_reachable(&objs, &index);
        let mut garbage: Vec<GcObj> = Vec::new();
        let mut survivors: Vec<GcRef> = Vec::with_capacity(objs.len());
        for (o, r) in objs.into_iter().zip(reachable) {
            if r {
                survivors.push(o.downgrade());
            } else {
                garbage.push(o);
            }
        }
        drop(index);
        let found = garbage.len();
        let mut collected = 0;
        if !garbage.is_empty() {
            if st.debug.load(Ordering::Relaxed) & DEBUG_SAVEALL != 0 {
                if let Value::List(l) = &st.garbage {
                    let vals: Vec<Value> = garbage.iter().filter_map(GcObj::to_value).collect();
                    l.lock().extend(vals);
                }
                survivors.extend(garbage.drain(..).map(|o| o.downgrade()));
            } else {
                self.clear_weakrefs(&garbage);
                self.finalize_garbage(&garbage);
                let (dead, back) = resurrected(garbage);
                survivors.extend(back.iter().map(GcObj::downgrade));
                collected = dead.len();
                for o in &dead {
                    o.clear();
                }
                drop(back);
                drop(dead);
            }
        }
        let mut h = st.heap.lock();
        let next = (generation + 1).min(2);
        if next == 2 && generation < 2 {
            h.long_lived_pending += survivors.len();
        }
        if generation == 2 {
            h.long_lived_pending = 0;
            h.long_lived_total = survivors.len() + h.gens[2].len();
        }
        h.gens[next].extend(survivors);
        for g in 0..=generation {
            h.counts[g] = 0;
        }
        if generation < 2 {
            h.counts[generation + 1] += 1;
        }
        let s = &mut h.stats[generation];
        s.collections += 1;
        s.collected += collected;
        drop(h);
        // With DEBUG_SAVEALL everything found is reported; otherwise what
        // was freed (objects a finalizer resurrected are not).
        if collected == 0 { found } else { collected }
    }

    /// CPython's `handle_weakrefs`: every weak reference to a garbage
    /// instance is cleared (so `ref()` is None from here on, also inside
    /// `__del__`), then the callbacks of those refs that are not garbage
    /// themselves are called.
    fn clear_weakrefs(&mut self, garbage: &[GcObj]) {
        let addrs: HashSet<usize> = garbage.iter().map(GcObj::addr).collect();
        let mut calls = Vec::new();
        for o in garbage {
            let GcObj::Instance(i) = o else { continue };
            let Some(w) = i.weakrefs.get() else { continue };
            let refs = w.live();
            w.forget(|_| true);
            for r in refs.into_iter().rev() {
                if let Some(d) = crate::object::weakref::data_of(&r) {
                    *d.target.lock() = None;
                    if !addrs.contains(&(Arc::as_ptr(&r) as usize)) {
                        calls.push(Value::Instance(r));
                    }
                }
            }
        }
        for r in calls {
            self.run_weakref_callback(&r);
        }
    }

    /// Runs the finalizers of garbage once (PEP 442): `__del__` of
    /// instances not finalized yet, closing suspended generators.
    fn finalize_garbage(&mut self, garbage: &[GcObj]) {
        for o in garbage {
            match o {
                GcObj::Instance(i) if i.class.finalizers.get().is_some() && !i.weakrefs.mark_finalized() => {
                    self.finalize_one(&Value::Instance(i.clone()))
                }
                GcObj::Generator(g) => self.close_abandoned(g),
                _ => {}
            }
        }
    }
}

/// CPython's `update_refs`/`subtract_refs`/`move_unreachable`: which of
/// `objs` are referred to from outside the set, or reachable from one that is.
fn mark_reachable(objs: &[GcObj], index: &HashMap<usize, usize>) -> Vec<bool> {
    // Each object's count, less the one this collection holds.
    let mut refs: Vec<isize> = objs.iter().map(|o| o.strong() as isize - 1).collect();
    for o in objs {
        o.traverse(&mut |a| {
            if let Some(&j) = index.get(&a) {
                refs[j] -= 1;
            }
        });
    }
    let mut reachable = vec![false; objs.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        if *r > 0 {
            reachable[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        objs[i].traverse(&mut |a| {
            if let Some(&j) = index.get(&a)
                && !reachable[j]
            {
                reachable[j] = true;
                work.push(j);
            }
        });
    }
    reachable
}

/// After the finalizers: splits the garbage into what is still garbage and
/// what a finalizer made reachable again (kept, with all it reaches).
fn resurrected(garbage: Vec<GcObj>) -> (Vec<GcObj>, Vec<GcObj>) {
    let index: HashMap<usize, usize> = garbage.iter().enumerate().map(|(i, o)| (o.addr(), i)).collect();
    let reach = mark_reachable(&garbage, &index);
    drop(index);
    let (mut dead, mut back) = (Vec::new(), Vec::new());
    for (o, r) in garbage.into_iter().zip(reach) {
        if r { back.push(o) } else { dead.push(o) }
    }
    (dead, back)
}
