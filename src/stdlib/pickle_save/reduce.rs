//! The part of the pickler that names things and calls reducers: classes
//! and functions by reference (`GLOBAL`/`STACK_GLOBAL`, extension codes,
//! the Python 2 name mappings) and the `__reduce_ex__` results
//! (`NEWOBJ`/`NEWOBJ_EX`, `REDUCE`, state, list and dict items).

use super::*;

impl<'a> Saver<'a> {
    pub(super) fn save_type(&mut self, vm: &mut Vm, obj: &Value, c: &Arc<Class>) -> PyResult<()> {
        let t = &vm.rt.types;
        let singleton = if Arc::ptr_eq(c, &t.none) {
            Some(Value::None)
        } else if Arc::ptr_eq(c, &t.notimpl) {
            Some(Value::NotImplemented)
        } else if Arc::ptr_eq(c, &t.ellipsis) {
            Some(Value::Ellipsis)
        } else {
            None
        };
        match singleton {
            Some(v) => {
                let type_t = Value::Class(t.type_.clone());
                self.save_reduce(vm, &[type_t, Value::tuple(vec![v])], Some(obj))
            }
            None => self.save_global(vm, obj, None),
        }
    }

    pub(super) fn save_global(&mut self, vm: &mut Vm, obj: &Value, name: Option<&str>) -> PyResult<()> {
        let r = crate::stdlib::pickle_global::resolve(vm, self.st, obj, name)?;
        let (module_name, global_name, lastname, parent_is_module, parent) =
            (r.module_name, r.global_name, r.lastname, r.parent_is_module, r.parent);
        if self.o.proto >= 2 {
            let copyreg = vm.import_name("copyreg", 0, true)?;
            if let Some(Value::Dict(reg)) = vm.get_attr_str(&copyreg, "_extension_registry")? {
                let key = Value::tuple(vec![Value::str(&module_name), Value::str(&global_name)]);
                if let Some(code) = vm.dict_get(&reg, &key)? {
                    let c = vm.index_of(&code)?;
                    if !(1..=0x7fff_ffff).contains(&c) {
                        let r = vm.repr_of(obj)?;
                        let cr = vm.repr_of(&code)?;
                        return Err(self.perr(vm, &format!("Can't pickle {r}: extension code {cr} is out of range")));
                    }
                    if c <= 0xff {
                        self.write(&[op::EXT1, c as u8]);
                    } else if c <= 0xffff {
                        let b = (c as u16).to_le_bytes();
                        self.write(&[op::EXT2, b[0], b[1]]);
                    } else {
                        let mut b = vec![op::EXT4];
                        b.extend_from_slice(&(c as i32).to_le_bytes());
                        self.write(&b);
                    }
                    return Ok(());
                }
            }
        }
        let global_name = if parent_is_module { lastname.clone() } else { global_name };
        if self.o.proto >= 4 {
            // The module name interned, as CPython's `__module__` strings
            // are shared by a module's classes (saved twice, one memo
            // entry); the qualified name is an object of its own, so
            // `datetime.datetime` saves two strings, as CPython does.
            // (A built-in function's module name is the module's own
            // `__name__`, not the types' shared one: not interned.)
            let m = if matches!(obj, Value::Native(_)) {
                Value::str(&module_name)
            } else {
                Value::Str(vm.rt.intern(&module_name))
            };
            let g = Value::str(&global_name);
            self.save(vm, &m, false)?;
            self.save(vm, &g, false)?;
            self.write_op(op::STACK_GLOBAL);
        } else if !parent_is_module {
            let getattr = vm.rt.builtins.get_item_str("getattr").unwrap_or(Value::None);
            let rv = [getattr, Value::tuple(vec![parent, Value::str(&lastname)])];
            self.save_reduce(vm, &rv, None)?;
        } else {
            let (mut m, mut n) = (module_name.clone(), global_name.clone());
            if self.o.proto < 3 && self.o.fix_imports {
                (m, n) = crate::stdlib::pickle_global::reverse_mapping(vm, &m, &n)?;
            }
            let ok = |s: &str| self.o.proto >= 3 || s.is_ascii();
            if !ok(&m) || !ok(&n) {
                let bad = if ok(&m) { &n } else { &m };
                let msg = format!("can't pickle module identifier '{bad}' using pickle protocol {}", self.o.proto);
                return Err(self.perr(vm, &msg));
            }
            let mut b = vec![op::GLOBAL];
            b.extend_from_slice(m.as_bytes());
            b.push(b'\n');
            b.extend_from_slice(n.as_bytes());
            b.push(b'\n');
            self.write(&b);
        }
        self.memo_put(obj);
        Ok(())
    }

    /// Saves a reduce value `(callable, args[, state[, listitems[,
    /// dictitems[, state_setter]]]])`; `obj` None means "do not memoize".
    pub fn save_reduce(&mut self, vm: &mut Vm, rv: &[Value], obj: Option<&Value>) -> PyResult<()> {
        if !(2..=6).contains(&rv.len()) {
            return Err(self.perr(vm, "tuple returned by __reduce__ must contain 2 through 6 elements"));
        }
        let get = |i: usize| rv.get(i).filter(|v| !v.is_none()).cloned();
        let callable = rv[0].clone();
        let argtup = rv[1].clone();
        let state = get(2);
        let listitems = get(3);
        let dictitems = get(4);
        let state_setter = get(5);
        if !crate::stdlib::builtins_attr::is_callable(vm, &callable) {
            return Err(self.perr(vm, "first item of the tuple returned by __reduce__ must be callable"));
        }
        let Value::Tuple(args) = &argtup else {
            return Err(self.perr(vm, "second item of the tuple returned by __reduce__ must be a tuple"));
        };
        let args = args.items.to_vec();
        for (v, nth) in [(&listitems, "fourth"), (&dictitems, "fifth")] {
            if let Some(v) = v
                && vm.get_attr_str(v, "__next__")?.is_none()
            {
                let tn = vm.type_name(v);
                let msg = format!("{nth} element of the tuple returned by __reduce__ must be an iterator, not {tn}");
                return Err(self.perr(vm, &msg));
            }
        }
        if let Some(s) = &state_setter
            && !crate::stdlib::builtins_attr::is_callable(vm, s)
        {
            let tn = vm.type_name(s);
            let msg = format!("sixth element of the tuple returned by __reduce__ must be a function, not {tn}");
            return Err(self.perr(vm, &msg));
        }
        let fname = if self.o.proto >= 2 {
            match vm.get_attr_str(&callable, "__name__")? {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            }
        } else {
            String::new()
        };
        if fname == "__newobj_ex__" {
            self.newobj_ex(vm, &args, obj)?;
        } else if fname == "__newobj__" {
            let Some(cls) = args.first() else {
                return Err(self.perr(vm, "__newobj__ arglist is empty"));
            };
            if !matches!(cls, Value::Class(_)) {
                return Err(self.perr(vm, "args[0] from __newobj__ args is not a type"));
            }
            if let Some(o) = obj {
                let oc = vm.get_attr_str(o, "__class__")?.unwrap_or(Value::None);
                if !oc.is(cls) {
                    return Err(self.perr(vm, "args[0] from __newobj__ args has the wrong class"));
                }
            }
            self.save(vm, cls, false)?;
            self.save(vm, &Value::tuple(args[1..].to_vec()), false)?;
            self.write_op(op::NEWOBJ);
        } else {
            self.save(vm, &callable, false)?;
            self.save(vm, &argtup, false)?;
            self.write_op(op::REDUCE);
        }
        if let Some(o) = obj {
            if let Some(idx) = self.memo_index(o) {
                self.write_op(op::POP);
                self.memo_get(idx);
                return Ok(());
            }
            self.memo_put(o);
        }
        if let Some(it) = &listitems {
            self.batch_list(vm, it)?;
        }
        if let Some(it) = &dictitems {
            self.batch_dict(vm, it)?;
        }
        if let Some(state) = &state {
            match &state_setter {
                None => {
                    self.save(vm, state, false)?;
                    self.write_op(op::BUILD);
                }
                Some(setter) => {
                    self.save(vm, setter, false)?;
                    self.save(vm, obj.unwrap_or(&Value::None), false)?;
                    self.save(vm, state, false)?;
                    self.write_op(op::TUPLE2);
                    self.write_op(op::REDUCE);
                    self.write_op(op::POP);
                }
            }
        }
        Ok(())
    }

    pub(super) fn newobj_ex(&mut self, vm: &mut Vm, args: &[Value], obj: Option<&Value>) -> PyResult<()> {
        if args.len() != 3 {
            let msg = format!("length of the NEWOBJ_EX argument tuple must be exactly 3, not {}", args.len());
            return Err(self.perr(vm, &msg));
        }
        let (cls, cargs, kwargs) = (&args[0], &args[1], &args[2]);
        if !matches!(cls, Value::Class(_)) {
            let tn = vm.type_name(cls);
            let msg = format!("first item from NEWOBJ_EX argument tuple must be a class, not {tn}");
            return Err(self.perr(vm, &msg));
        }
        if let Some(o) = obj {
            let oc = vm.get_attr_str(o, "__class__")?.unwrap_or(Value::None);
            if !oc.is(cls) {
                let msg = "first item from NEWOBJ_EX argument tuple must be the class of the object";
                return Err(self.perr(vm, msg));
            }
        }
        let Value::Tuple(ct) = cargs else {
            let tn = vm.type_name(cargs);
            let msg = format!("second item from NEWOBJ_EX argument tuple must be a tuple, not {tn}");
            return Err(self.perr(vm, &msg));
        };
        if !matches!(kwargs, Value::Dict(_)) {
            let tn = vm.type_name(kwargs);
            let msg = format!("third item from NEWOBJ_EX argument tuple must be a dict, not {tn}");
            return Err(self.perr(vm, &msg));
        }
        if self.o.proto >= 4 {
            self.save(vm, cls, false)?;
            self.save(vm, cargs, false)?;
            self.save(vm, kwargs, false)?;
            self.write_op(op::NEWOBJ_EX);
            return Ok(());
        }
        // Protocols 2 and 3: `partial(cls.__new__, cls, *args, **kwargs)()`.
        let new = vm.get_attr_str(cls, "__new__")?.unwrap_or(Value::None);
        let functools = vm.import_name("functools", 0, true)?;
        let partial = vm.get_attr_str(&functools, "partial")?.unwrap_or(Value::None);
        let mut pargs = vec![new, cls.clone()];
        pargs.extend(ct.items.iter().cloned());
        let kw = match kwargs {
            Value::Dict(d) => {
                d.lock().items().into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.clone(), v))).collect()
            }
            _ => Vec::new(),
        };
        let p = vm.call_value(&partial, crate::vm::Args::with_kw(pargs, kw))?;
        self.save(vm, &p, false)?;
        self.save(vm, &Value::tuple(vec![]), false)?;
        self.write_op(op::REDUCE);
        Ok(())
    }
}
