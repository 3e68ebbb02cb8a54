//! `__slots__` at run time: reading, writing and deleting the slot values an
//! instance carries beside (or instead of) its `__dict__`, through the
//! member descriptors `type_new` puts on the class.

use super::{PyResult, Vm};
use crate::object::descr::SlotMember;
use crate::object::value::Value;

impl Vm {
    /// The instance and the index of `m` in its slot values, or CPython's
    /// TypeError when the descriptor does not belong to the object's class.
    fn slot_owner<'a>(
        &mut self,
        m: &SlotMember,
        obj: &'a Value,
    ) -> PyResult<&'a std::sync::Arc<crate::object::class::Instance>> {
        match obj {
            Value::Instance(inst) if m.index < inst.class.extra.nslots => Ok(inst),
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{tn}' object",
                    m.name.as_str(),
                    m.owner.as_str()
                )))
            }
        }
    }

    /// `obj.slot`: its value, or AttributeError when it was never set.
    pub fn slot_get(&mut self, m: &SlotMember, obj: &Value) -> PyResult {
        let inst = self.slot_owner(m, obj)?;
        let v = inst.slots.as_ref().and_then(|s| s.lock().get(m.index).cloned().flatten());
        match v {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, m.name.as_str())),
        }
    }

    /// `obj.slot = v` (`Some`) or `del obj.slot` (`None`; AttributeError
    /// naming the slot when it is not set, as CPython's message does).
    pub fn slot_set(&mut self, m: &SlotMember, obj: &Value, v: Option<Value>) -> PyResult<()> {
        let inst = self.slot_owner(m, obj)?;
        let deleting = v.is_none();
        let old = {
            // Every class a slot member applies to has slots (`slot_owner`).
            let Some(slots) = &inst.slots else { return Err(self.attribute_error(obj, m.name.as_str())) };
            let mut slots = slots.lock();
            let n = inst.class.extra.nslots.max(m.index + 1);
            if slots.len() < n {
                slots.resize(n, None);
            }
            std::mem::replace(&mut slots[m.index], v)
        };
        if deleting && old.is_none() {
            return Err(self.err("AttributeError", m.name.as_str()));
        }
        // The old value drops here, outside the slot lock.
        drop(old);
        Ok(())
    }
}
