//! Calling things: argument binding, frames for Python functions, calls
//! from Rust back into Python, instantiating classes.

use std::sync::Arc;

use super::eval::Exit;
use super::frame::Frame;
use super::{Args, PyResult, Vm};
use crate::bytecode::code::flags;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::function::{BoundMethod, Cell, FastCall, Function, NativeFunction};
use crate::object::generator::{GenKind, GenState, Generator};
use crate::object::str::PyStr;
use crate::object::value::Value;
use parking_lot::Mutex;

type Kw = Vec<(Arc<PyStr>, Value)>;

impl Vm {
    /// Calls any callable with positional arguments (from Rust code).
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult {
        self.call_value(f, Args::new(args))
    }

    /// Calls any callable with positional and keyword arguments.
    pub fn call_value(&mut self, f: &Value, args: Args) -> PyResult {
        match f {
            Value::Function(func) => self.call_function(func, args.pos, args.kw),
            Value::Native(n) => (n.func)(self, args),
            Value::Method(m) => {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(m.receiver.clone());
                pos.extend(args.pos);
                self.call_value(&m.func, Args::with_kw(pos, args.kw))
            }
            Value::Class(c) => self.call_class(c, args),
            _ => {
                let cls = self.class_of(f);
                match cls.lookup("__call__") {
                    // `__call__ = len`: a module's function is not bound.
                    Some(Value::Native(n)) if n.is_module_function() => {
                        let m = Value::Native(n);
                        self.recursing(" while calling a Python object", |vm| vm.call_value(&m, args))
                    }
                    Some(m) if !matches!(m, Value::Function(_) | Value::Native(_)) => {
                        let bound = self.descr_get(&m, f, &cls)?;
                        self.recursing(" while calling a Python object", |vm| vm.call_value(&bound, args))
                    }
                    Some(m) => {
                        let mut pos = Vec::with_capacity(args.pos.len() + 1);
                        pos.push(f.clone());
                        pos.extend(args.pos);
                        // Counted: `A.__call__ = A()` would otherwise loop here forever.
                        self.recursing(" while calling a Python object", |vm| {
                            vm.call_value(&m, Args::with_kw(pos, args.kw))
                        })
                    }
                    None => {
                        let tn = self.type_name(f);
                        Err(self.type_error(&format!("'{tn}' object is not callable")))
                    }
                }
            }
        }
    }

    /// Calls a method found on a class with an explicit receiver.
    ///
    /// A special method found on a class that is not a function (a staticmethod,
    /// classmethod, partialmethod, a callable instance, a class…) is bound through
    /// its `__get__` first, or called as it is when it has none, as CPython's
    /// `_PyObject_LookupSpecial` and slot functions do.
    pub fn call_method_value(&mut self, f: &Value, receiver: Value, args: Vec<Value>) -> PyResult {
        if let Value::Function(func) = f {
            // The receiver and the arguments go straight into the frame.
            return self.call_function_pos(func, 1 + args.len(), std::iter::once(receiver).chain(args));
        }
        if let Value::Native(n) = f
            && n.is_module_function()
        {
            return self.call(f, args);
        }
        if !matches!(f, Value::Function(_) | Value::Native(_)) {
            let cls = self.class_of(&receiver);
            let bound = self.descr_get(f, &receiver, &cls)?;
            return self.call(&bound, args);
        }
        let mut pos = Vec::with_capacity(args.len() + 1);
        pos.push(receiver);
        pos.extend(args);
        self.call_value(f, Args::new(pos))
    }

    /// `call_method_value` with one argument (a binary operator's dunder,
    /// `__getitem__`, …): no argument vector for a Python method.
    pub fn call_method_value1(&mut self, f: &Value, receiver: Value, arg: Value) -> PyResult {
        if let Value::Function(func) = f {
            return self.call_function_pos(func, 2, [receiver, arg].into_iter());
        }
        self.call_method_value(f, receiver, vec![arg])
    }

    /// Runs `func` on `n` positional arguments to completion (or makes its
    /// generator).
    pub fn call_function_pos(&mut self, func: &Arc<Function>, n: usize, args: impl Iterator<Item = Value>) -> PyResult {
        let frame = self.make_frame_pos(func, n, args)?;
        if func.code.is_generator_like() {
            return Ok(self.new_generator(func, frame));
        }
        self.run_to_return(frame)
    }

    /// A frame for `func` called with the `n` positional `args`: filled
    /// from the iterator when they bind positionally (defaults completing
    /// them), through `make_frame`'s general binding otherwise.
    pub fn make_frame_pos(
        &mut self,
        func: &Arc<Function>,
        n: usize,
        args: impl Iterator<Item = Value>,
    ) -> PyResult<Box<Frame>> {
        let code: &Arc<crate::bytecode::CodeObject> = &func.code;
        let argcount = code.argcount as usize;
        if code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && code.kwonlyargcount == 0 && n <= argcount {
            let defaults = if n < argcount { Some(func.defaults.lock().clone()) } else { None };
            if n == argcount || defaults.as_ref().is_some_and(|d| n + d.len() >= argcount) {
                let mut frame = self.alloc_frame_with(code.clone(), func.globals.clone(), args);
                if let Some(d) = defaults {
                    let first_default = argcount - d.len().min(argcount);
                    for j in n..argcount {
                        frame.locals[j] = Some(d[j - first_default].clone());
                    }
                }
                self.init_cells(func, &mut frame);
                return Ok(frame);
            }
        }
        self.make_frame(func, args.collect(), Vec::new())
    }

    /// `obj.name(*args)` from Rust.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
        let key = self.rt.intern(name);
        match self.lookup_method(obj, &key)? {
            Some(m) => self.call_method_value(&m, obj.clone(), args),
            None => {
                let f = self.get_attr(obj, &key)?;
                self.call(&f, args)
            }
        }
    }

    /// Runs a Python function to completion on a nested loop.
    pub fn call_function(&mut self, func: &Arc<Function>, pos: Vec<Value>, kw: Kw) -> PyResult {
        let frame = self.make_frame(func, pos, kw)?;
        if func.code.is_generator_like() {
            return Ok(self.new_generator(func, frame));
        }
        self.run_to_return(frame)
    }

    /// Runs a frame to completion and returns its result.
    pub fn run_to_return(&mut self, frame: Box<Frame>) -> PyResult {
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.frames.len() >= limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        let (r, frame) = self.run_pushed(frame);
        self.recycle_frame(frame);
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error("yield outside generator")),
        }
    }

    pub fn new_generator(&mut self, func: &Arc<Function>, frame: Box<Frame>) -> Value {
        let code = &func.code;
        let kind = if code.flags & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if code.flags & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        Value::Generator(crate::object::gc::generator(Arc::new(Generator {
            kind,
            name: func.name.lock().clone(),
            qualname: func.qualname.lock().clone(),
            code: frame.code.clone(),
            state: crate::object::spinlock::SpinLock::new(GenState {
                frame: Some(frame),
                running: false,
                finished: false,
                awaited: false,
                running_frame: 0,
            }),
            finalizers: Some(self.rt.finalizers.clone()),
            origin: if kind == GenKind::Coroutine && self.coro_origin_depth > 0 {
                Some(self.coro_origin())
            } else {
                None
            },
        })))
    }

    /// `cr_origin` of a coroutine made now: the innermost
    /// `coro_origin_depth` frames as (filename, lineno, function name).
    fn coro_origin(&self) -> Value {
        let n = self.coro_origin_depth as usize;
        let frames = std::iter::once(&self.frame).chain(self.frames.iter().rev()).take(n);
        let items = frames
            .map(|f| {
                Value::tuple(vec![
                    Value::str(&f.code.filename),
                    Value::Int(i64::from(f.line())),
                    Value::Str(f.code.name.clone()),
                ])
            })
            .collect();
        Value::tuple(items)
    }

    /// Binds call arguments to a new frame for `func` (CPython's rules and messages).
    pub fn make_frame(&mut self, func: &Arc<Function>, pos: Vec<Value>, kw: Kw) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let mut frame = self.alloc_frame(code.clone(), func.globals.clone());
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let n = pos.len();
        // Fast path: a positional call, the missing last parameters taken from the defaults.
        let defaults = if n < argcount && kw.is_empty() { Some(func.defaults.lock().clone()) } else { None };
        let covered = n == argcount || defaults.as_ref().is_some_and(|d| n + d.len() >= argcount);
        if kw.is_empty() && n <= argcount && covered && kwonly == 0 && !has_varargs && !has_varkw {
            for (i, v) in pos.into_iter().enumerate() {
                frame.locals[i] = Some(v);
            }
            if let Some(d) = defaults {
                let first_default = argcount - d.len().min(argcount);
                for j in n..argcount {
                    frame.locals[j] = Some(d[j - first_default].clone());
                }
            }
        } else {
            self.bind_slow(func, &mut frame, pos, kw)?;
        }
        self.init_cells(func, &mut frame);
        Ok(frame)
    }

    /// Gives a frame whose arguments are bound its cells: one new cell per
    /// cellvar (holding the argument of the same name, if any), then the
    /// function's closure for the freevars.
    pub(super) fn init_cells(&mut self, func: &Function, frame: &mut Frame) {
        let code = &frame.code;
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            let mut cells = Vec::with_capacity(code.cellvars.len() + code.freevars.len());
            for (i, _) in code.cellvars.iter().enumerate() {
                let init = code.cell2arg[i].and_then(|a| frame.locals[a as usize].clone());
                cells.push(crate::object::gc::cell(Arc::new(Cell::new(init))));
            }
            cells.extend(func.closure.iter().cloned());
            frame.cells = cells.into_boxed_slice();
        }
    }

    fn bind_slow(&mut self, func: &Arc<Function>, frame: &mut Frame, pos: Vec<Value>, kw: Kw) -> PyResult<()> {
        let code = func.code.clone();
        // Built only for a message: a call that binds allocates no name.
        let qual = || func.qualname.lock().as_str().to_string();
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let n = pos.len();
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < argcount {
                frame.locals[i] = Some(v);
            } else {
                extra.push(v);
            }
        }
        let n_extra = extra.len();
        let mut slot = argcount + kwonly;
        if has_varargs {
            frame.locals[slot] = Some(Value::tuple(extra));
            slot += 1;
        }
        // CPython reports keyword problems first, then too many positionals.
        let too_many = if !has_varargs && n_extra > 0 {
            let ndef = func.defaults.lock().len();
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", argcount - ndef, argcount)
            } else {
                format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
            };
            let kwgiven = kw
                .iter()
                .filter(|(k, _)| code.varnames[argcount..argcount + kwonly].iter().any(|v| v.as_str() == k.as_str()))
                .count();
            let given = if kwgiven > 0 {
                format!(
                    "{n} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                    if n == 1 { "" } else { "s" },
                    if kwgiven == 1 { "" } else { "s" }
                )
            } else {
                format!("{n} {}", if n == 1 { "was given" } else { "were given" })
            };
            Some(format!("{}() takes {takes} but {given}", qual()))
        } else {
            None
        };
        let kwdict = if has_varkw {
            let d = crate::object::gc::dict(Arc::new(Dict::new()));
            frame.locals[slot] = Some(Value::Dict(d.clone()));
            Some(d)
        } else {
            None
        };
        let mut kw = kw.into_iter();
        while let Some((k, v)) = kw.next() {
            // By interned pointer first; by text for names built at run time.
            let params = &code.varnames[..argcount + kwonly];
            let idx = params
                .iter()
                .position(|vn| Arc::ptr_eq(vn, &k))
                .or_else(|| params.iter().position(|vn| vn.as_str() == k.as_str()));
            match idx {
                Some(j) if j >= posonly => {
                    if frame.locals[j].is_some() {
                        return Err(self.type_error(&format!(
                            "{}() got multiple values for argument '{}'",
                            qual(),
                            k.as_str()
                        )));
                    }
                    frame.locals[j] = Some(v);
                }
                _ => match &kwdict {
                    Some(d) => d.set_str(&k, v),
                    None => {
                        // As CPython: any positional-only name passed by
                        // keyword (this one or a later one) is reported
                        // before an unknown keyword.
                        let is_posonly = |name: &str| code.varnames[..posonly].iter().any(|vn| vn.as_str() == name);
                        let posonly_as_kw: Vec<&str> = std::iter::once(k.as_str())
                            .chain(kw.as_slice().iter().map(|(k, _)| k.as_str()))
                            .filter(|name| is_posonly(name))
                            .collect();
                        if !posonly_as_kw.is_empty() {
                            return Err(self.type_error(&format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qual(),
                                posonly_as_kw.join(", ")
                            )));
                        }
                        return Err(self.type_error(&format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qual(),
                            k.as_str()
                        )));
                    }
                },
            }
        }
        if let Some(msg) = too_many {
            return Err(self.type_error(&msg));
        }
        // Defaults for the missing positional parameters.
        let defaults = func.defaults.lock().clone();
        let ndef = defaults.len();
        let first_default = argcount - ndef.min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if frame.locals[i].is_none() {
                if i >= first_default {
                    frame.locals[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&format!(
                "{}() missing {} required positional argument{}: {}",
                qual(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        let kwdefaults = if kwonly > 0 { func.kwdefaults.lock().clone() } else { Default::default() };
        for i in argcount..argcount + kwonly {
            if frame.locals[i].is_none() {
                let name = &code.varnames[i];
                match kwdefaults.iter().find(|(k, _)| k.as_str() == name.as_str()) {
                    Some((_, v)) => frame.locals[i] = Some(v.clone()),
                    None => missing_kw.push(name.as_str().to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(&format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qual(),
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            )));
        }
        Ok(())
    }

    /// MakeFunction: builds a function object from its parts on the stack.
    pub fn make_function(
        &mut self,
        code: Value,
        qualname: Value,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
        annotations: Option<Value>,
    ) -> PyResult {
        let Value::Code(code) = code else { return Err(self.runtime_error("MakeFunction without code")) };
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => {
                d.lock().items().into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.clone(), v))).collect()
            }
            _ => Vec::new(),
        };
        let closure = match closure {
            Some(Value::Tuple(t)) => t
                .items
                .iter()
                .filter_map(|c| match c {
                    Value::Native2(o) => {
                        o.as_any().downcast_ref::<crate::object::descr::CellObject>().map(|r| r.cell.clone())
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let qual = match qualname {
            Value::Str(s) => s,
            _ => code.qualname.clone(),
        };
        let module = self.frame.globals.get_item_str("__name__").unwrap_or(Value::None);
        Ok(Value::Function(crate::object::gc::function(Arc::new(Function {
            name: Mutex::new(code.name.clone()),
            qualname: Mutex::new(qual),
            doc: Mutex::new(code.docstring.clone()),
            globals: self.frame.globals.clone(),
            defaults: Mutex::new(Arc::new(defaults)),
            kwdefaults: Mutex::new(Arc::new(kwdefaults)),
            closure,
            module: Mutex::new(module),
            annotations: Mutex::new(annotations),
            dict: Arc::new(Dict::new()),
            code: crate::object::function::CodeSlot::new(code),
        }))))
    }

    /// Wraps a Rust closure as a built-in function value.
    pub fn native(name: &str, f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static) -> Value {
        Value::Native(Arc::new(NativeFunction {
            name: Arc::from(name),
            func: Box::new(f),
            owner: None,
            fast: None,
            module: Default::default(),
        }))
    }

    /// A built-in function the dispatch loop may run inline (see [`FastCall`]).
    pub fn native_fast(
        name: &str,
        fast: FastCall,
        f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
    ) -> Value {
        Value::Native(Arc::new(NativeFunction {
            name: Arc::from(name),
            func: Box::new(f),
            owner: None,
            fast: Some(fast),
            module: Default::default(),
        }))
    }

    pub fn bound(receiver: Value, func: Value) -> Value {
        Value::Method(crate::object::gc::method(Arc::new(BoundMethod { receiver, func })))
    }

    // ---- classes -------------------------------------------------------

    /// True when calling `cls` can run `__init__` as an ordinary frame.
    pub fn can_inline_init(&self, cls: &Arc<Class>) -> bool {
        let n = &self.rt.names;
        cls.layout == Layout::Object
            && cls.metaclass.as_ref().is_none_or(|m| m.lookup_user_str(&n.call).is_none())
            && cls.lookup_user_str(&n.new).is_none()
            && matches!(cls.lookup_str(&n.init), Some(Value::Function(_)))
    }

    /// Creates the instance and enters `__init__` as a frame whose return
    /// value is replaced by the instance.
    pub fn instantiate_inline(&mut self, cls: &Arc<Class>, args: Vec<Value>, kw: Kw) -> PyResult<()> {
        let inst = crate::object::gc::instance(Arc::new(Instance::new(cls.clone(), Payload::None)));
        let Some(Value::Function(init)) = cls.lookup_str(&self.rt.names.init) else { unreachable!() };
        let mut pos = Vec::with_capacity(args.len() + 1);
        pos.push(Value::Instance(inst.clone()));
        pos.extend(args);
        let mut frame = self.make_frame(&init, pos, kw)?;
        frame.return_override = Some(inst);
        self.push_frame(frame)
    }

    /// `cls(*args, **kw)`.
    pub fn call_class(&mut self, cls: &Arc<Class>, args: Args) -> PyResult {
        if cls.builtin && args.kw.is_empty() && args.pos.len() == 1 {
            // Conversions like str(i) / int(s) are hot: skip the generic protocol.
            let v = &args.pos[0];
            if let Some(r) = self.construct_fast(cls, v) {
                return Ok(r);
            }
            let t = &self.rt.types;
            if Arc::ptr_eq(cls, &t.str_) {
                return Ok(Value::string(self.str_of(v)?));
            }
            if Arc::ptr_eq(cls, &t.int) {
                return self.to_int(v);
            }
            if Arc::ptr_eq(cls, &t.float) {
                return Ok(Value::Float(self.to_float(v)?));
            }
            if Arc::ptr_eq(cls, &t.bool_) {
                return Ok(Value::Bool(self.truthy(v)?));
            }
            if Arc::ptr_eq(cls, &t.list) {
                return Ok(Value::list(self.collect(v)?));
            }
            if Arc::ptr_eq(cls, &t.tuple) {
                return Ok(match v {
                    Value::Tuple(_) => v.clone(),
                    _ => Value::tuple(self.collect(v)?),
                });
            }
            if Arc::ptr_eq(cls, &t.type_) {
                return Ok(Value::Class(self.class_of(v)));
            }
        }
        if Arc::ptr_eq(cls, &self.rt.types.type_) {
            return self.type_call(args);
        }
        if let Some(meta) = &cls.metaclass
            && let Some(call) = meta.lookup_user("__call__")
        {
            // A class stored as `__call__` does not bind (typing's
            // `_TypedDictMeta.__call__ = dict`): it gets the arguments only.
            if matches!(call, Value::Class(_)) {
                return self.call_value(&call, args);
            }
            let mut pos = vec![Value::Class(cls.clone())];
            pos.extend(args.pos);
            return self.call_value(&call, Args::with_kw(pos, args.kw));
        }
        self.default_type_call(cls, args)
    }

    /// CPython's `object_new` refusal of a class whose `__abstractmethods__`
    /// (set by an ABC metaclass, in the class's own dict) is not empty.
    /// Only classes with a metaclass can have been marked that way.
    pub fn check_abstract(&mut self, cls: &Arc<Class>) -> PyResult<()> {
        if cls.metaclass.is_none() {
            return Ok(());
        }
        let Some(abs) = cls.dict.get_item_str("__abstractmethods__") else { return Ok(()) };
        let mut names: Vec<String> = Vec::new();
        for n in self.collect(&abs)? {
            names.push(self.str_of(&n)?);
        }
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let s = if names.len() > 1 { "s" } else { "" };
        Err(self.type_error(&format!(
            "Can't instantiate abstract class {} with abstract method{s} {}",
            cls.name().as_str(),
            names.join(", ")
        )))
    }

    /// `type.__call__`: `__new__` then `__init__`.
    pub fn default_type_call(&mut self, cls: &Arc<Class>, args: Args) -> PyResult {
        // `type(x)` (also as `type.__call__(type, x)`): x's class.
        if args.pos.len() == 1 && args.kw.is_empty() && Arc::ptr_eq(cls, &self.rt.types.type_) {
            return Ok(Value::Class(self.class_of(&args.pos[0])));
        }
        let (new, new_owner) = lookup_with_owner(cls, &self.rt.names.new);
        let (init, init_owner) = lookup_with_owner(cls, &self.rt.names.init);
        // Python-level definitions (a built-in class has none in its MRO).
        let user_new = !cls.builtin && cls.lookup_user("__new__").is_some();
        let user_init = !cls.builtin && cls.lookup_user("__init__").is_some();
        // object.__init__ after a __new__ of the class's own ignores its
        // arguments (CPython's object_init): the call would do nothing.
        let object = &self.rt.types.object.clone();
        let init_is_noop =
            init_owner.is_some_and(|c| Arc::ptr_eq(c, object)) && new_owner.is_some_and(|c| !Arc::ptr_eq(c, object));
        // A `__new__`/`__init__` inherited from a built-in base other than
        // object (a subclass of `types.ModuleType`) runs as a user one does.
        let (new_inherited, init_inherited) = {
            let inherited = |owner: Option<&Arc<Class>>| owner.is_some_and(|c| !Arc::ptr_eq(c, object));
            (inherited(new_owner), inherited(init_owner))
        };
        // A built-in type with no constructor of its own (dict views,
        // iterators): CPython's tp_new is NULL there.
        if cls.builtin && cls.layout == Layout::Opaque && !new_inherited && !init_inherited {
            let name = match cls.dict.get_item_str("__module__") {
                Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{}", m.as_str(), cls.name().as_str()),
                _ => cls.name().as_str().to_string(),
            };
            return Err(self.type_error(&format!("cannot create '{name}' instances")));
        }
        let obj = match new {
            Some(newf) if user_new || new_inherited || cls.layout != Layout::Object => {
                // `__new__` as the class reads it (CPython's slot_tp_new): a
                // staticmethod's function, a classmethod bound to the class.
                let newf = match newf {
                    Value::Native2(ref o) => match o.as_any().downcast_ref::<crate::object::descr::ClassMethod>() {
                        Some(cm) => self.classmethod_bind(cm.func.clone(), Value::Class(cls.clone()))?,
                        None => self.unwrap_staticmethod(o).unwrap_or(newf.clone()),
                    },
                    other => other,
                };
                let mut pos = vec![Value::Class(cls.clone())];
                pos.extend(args.pos.iter().cloned());
                self.call_value(&newf, Args::with_kw(pos, args.kw.clone()))?
            }
            _ => {
                self.check_abstract(cls)?;
                if !user_init && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    let name = cls.name();
                    return Err(self.type_error(&format!("{}() takes no arguments", name.as_str())));
                }
                Value::Instance(crate::object::gc::instance(Arc::new(Instance::new(cls.clone(), Payload::None))))
            }
        };
        // __init__ runs only if __new__ returned an instance of cls.
        let obj_cls = self.class_of(&obj);
        if !obj_cls.is_subclass(cls) {
            return Ok(obj);
        }
        // An instance of a subclass gets the subclass's `__init__` (CPython calls
        // `type(obj).__init__`).
        let (init, init_is_noop, user_init, init_inherited, cls) = if Arc::ptr_eq(&obj_cls, cls) {
            (init, init_is_noop, user_init, init_inherited, cls.clone())
        } else {
            let (sub_new_owner, (sub_init, sub_init_owner)) =
                (lookup_with_owner(&obj_cls, &self.rt.names.new).1, lookup_with_owner(&obj_cls, &self.rt.names.init));
            let is_object = |c: Option<&Arc<Class>>| c.is_some_and(|c| Arc::ptr_eq(c, object));
            let noop = is_object(sub_init_owner) && sub_new_owner.is_some_and(|c| !Arc::ptr_eq(c, object));
            let user = !obj_cls.builtin && obj_cls.lookup_user("__init__").is_some();
            let inherited = sub_init_owner.is_some() && !is_object(sub_init_owner);
            (sub_init, noop, user, inherited, obj_cls.clone())
        };
        if let Some(init) = init
            && !init_is_noop
            && (user_init || cls.builtin || init_inherited || cls.layout != Layout::Object)
        {
            let mut pos = vec![obj.clone()];
            pos.extend(args.pos);
            let r = self.call_value(&init, Args::with_kw(pos, args.kw))?;
            if !r.is_none() {
                let tn = self.type_name(&r);
                return Err(self.type_error(&format!("__init__() should return None, not '{tn}'")));
            }
        }
        Ok(obj)
    }

    /// Calls an `__exit__`-style async helper etc.: `fn(*args)` looked up in builtins.
    pub fn call_builtin(&mut self, name: &str, args: Vec<Value>) -> PyResult {
        let f = self.rt.builtins.get_item_str(name).ok_or_else(|| self.name_error(name))?;
        self.call(&f, args)
    }
}

/// `cls.lookup(name)` and the class of the MRO that holds it. The name is
/// one of the runtime's interned names, whose hash is computed once: every
/// class call looks up two, and hashing them afresh was about 7% of the
/// instructions of a program calling `super()` in a loop.
fn lookup_with_owner<'a>(cls: &'a Arc<Class>, name: &PyStr) -> (Option<Value>, Option<&'a Arc<Class>>) {
    let hash = name.hash();
    let name = name.as_str();
    for c in cls.mro_with_self() {
        if let Some(v) = c.dict.get_str_hashed(hash, name) {
            return (Some(v), Some(c));
        }
    }
    (None, None)
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
