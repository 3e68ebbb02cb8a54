//! The pickler's byte strings: `bytes` and `bytearray` (in older protocols
//! by reduction), data of a frame's size or more streamed to the file on
//! its own, and `PickleBuffer`s in band or out of band (protocol 5).

use super::*;

impl<'a> Saver<'a> {
    /// Opcode, size of `size_bytes` little-endian bytes, then the data;
    /// data of a frame's size or more goes outside any frame.
    /// With a file, such data is handed to it in a call of its own, after
    /// what came before (as CPython's `_Pickler_write_bytes` streams it).
    pub(super) fn write_counted(&mut self, vm: &mut Vm, header: &[u8], data: &[u8]) -> PyResult<()> {
        let big = data.len() >= FRAME_SIZE_TARGET;
        if big {
            self.commit_frame();
            let framing = self.framing;
            self.framing = false;
            self.write(header);
            if let Some(w) = self.o.write.clone() {
                self.flush(vm)?;
                vm.call(&w, vec![crate::stdlib::native_util::bytes(data.to_vec())])?;
            } else {
                self.write(data);
            }
            self.framing = framing;
        } else {
            self.write(header);
            self.write(data);
        }
        Ok(())
    }

    pub(super) fn save_bytes(&mut self, vm: &mut Vm, obj: &Value, b: &[u8]) -> PyResult<()> {
        if self.o.proto < 3 {
            // Older protocols have no bytes opcode: `codecs.encode(latin-1
            // text, 'latin1')`, or `bytes()` when empty.
            let bytes_t = Value::Class(vm.rt.types.bytes.clone());
            let rv = if b.is_empty() {
                vec![bytes_t, Value::tuple(vec![])]
            } else {
                let codecs = vm.import_name("codecs", 0, true)?;
                let enc = vm.get_attr_str(&codecs, "encode")?.unwrap_or(Value::None);
                let text: String = b.iter().map(|&c| c as char).collect();
                vec![enc, Value::tuple(vec![Value::string(text), Value::str("latin1")])]
            };
            return self.save_reduce(vm, &rv, Some(obj));
        }
        let n = b.len();
        let mut h = Vec::with_capacity(9);
        if n <= 0xff {
            h.extend_from_slice(&[op::SHORT_BINBYTES, n as u8]);
        } else if n as u64 <= 0xffff_ffff {
            h.push(op::BINBYTES);
            h.extend_from_slice(&(n as u32).to_le_bytes());
        } else if self.o.proto >= 4 {
            h.push(op::BINBYTES8);
            h.extend_from_slice(&(n as u64).to_le_bytes());
        } else {
            return Err(
                vm.overflow_error("serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher")
            );
        }
        self.write_counted(vm, &h, b)?;
        self.memo_put(obj);
        Ok(())
    }

    /// A `PickleBuffer` (protocol 5): in band as bytes or bytearray (as its
    /// memory is read-only or not), or out of band when the buffer callback
    /// says false: then only NEXT_BUFFER (and READONLY_BUFFER) are written
    /// and the loader takes the memory from its `buffers`.
    pub(super) fn save_picklebuffer(&mut self, vm: &mut Vm, obj: &Value, view: PyResult<Value>) -> PyResult<()> {
        if self.o.proto < 5 {
            return Err(self.perr(vm, "PickleBuffer can only pickled with protocol >= 5"));
        }
        let view = view?;
        let Some((contiguous, readonly)) = crate::stdlib::types_memoryview::contiguous_readonly(&view) else {
            return Err(vm.value_error("operation forbidden on released PickleBuffer object"));
        };
        if !contiguous {
            return Err(self.perr(vm, "PickleBuffer can not be pickled when pointing to a non-contiguous buffer"));
        }
        let mut in_band = true;
        if let Some(cb) = self.o.buffer_callback.clone() {
            let r = vm.call(&cb, vec![obj.clone()])?;
            in_band = vm.truthy(&r)?;
        }
        if !in_band {
            self.write_op(op::NEXT_BUFFER);
            if readonly {
                self.write_op(op::READONLY_BUFFER);
            }
            return Ok(());
        }
        let data = crate::stdlib::buffer::bytes_like(&view).unwrap_or_default();
        if readonly { self.save_bytes(vm, obj, &data) } else { self.save_bytearray_data(vm, obj, data.to_vec()) }
    }

    pub(super) fn save_bytearray(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let data = crate::stdlib::buffer::bytes_like(obj).map(|b| b.to_vec()).unwrap_or_default();
        self.save_bytearray_data(vm, obj, data)
    }

    fn save_bytearray_data(&mut self, vm: &mut Vm, obj: &Value, data: Vec<u8>) -> PyResult<()> {
        if self.o.proto < 5 {
            let ba = Value::Class(vm.rt.types.bytearray.clone());
            let args = if data.is_empty() { vec![] } else { vec![crate::stdlib::native_util::bytes(data)] };
            return self.save_reduce(vm, &[ba, Value::tuple(args)], Some(obj));
        }
        let mut h = vec![op::BYTEARRAY8];
        h.extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_counted(vm, &h, &data)?;
        self.memo_put(obj);
        Ok(())
    }
}
