"""The grading channel: a trusted process calls a student's functions in the student's kernel.

The student's notebook runs in a Jupyter kernel of its own. The grader's tests never run
there: they run in the grader's (trusted) process and reach the student's names through a
:class:`RemoteEnv`, whose values are either copies of plain data or :class:`RemoteRef`
handles. Every call, attribute access or item access on a handle is one request to the
kernel; what comes back is decoded by :func:`decode` here, which builds nothing but plain
data (``None``, numbers, strings, bytes, lists, tuples, dicts, numeric NumPy arrays and
scalars, torch tensors) and new handles. So whatever the student's code patches, prints or
writes, a verdict is computed by the grader's own code on values it made itself.

Functions the grader passes to the student's code (a reference implementation of an earlier
question, a callback that counts calls) stay in the grader: the kernel gets a stub that sends
its arguments back, the grader calls the function and returns the result. Such callbacks
work only while the test that passed them is running.

The protocol rides on the kernel's own messages: the grader installs a stub in the kernel
(:data:`KERNEL_STUB`) and starts its request loop with one ``execute_request``; requests,
results and callbacks then travel on the stdin channel (``input_request`` / ``input_reply``).

Tests use handles almost like the objects themselves; where a test needs a type, it asks
:func:`type_names`, which works on real objects too (so the same test runs in a student's
``grader.check`` and in the grader).
"""

from __future__ import annotations

import base64
import builtins
import functools
import json
import queue
import time
import types
import warnings

import numpy as np

MAX_MESSAGE = 256 * 2**20   # bytes of one message from the kernel
MAX_DEPTH = 24              # nesting of lists, tuples and dicts
MAX_TEXT = 300              # characters of student-controlled text kept in a report
_DTYPES = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
           "float16", "float32", "float64", "complex64", "complex128"}


class ChannelError(Exception):
    """The kernel did not answer as the protocol says (it died, hung, or sent garbage)."""


class StudentError(Exception):
    """An exception raised by the student's code, re-raised in the grader.

    Its classes also derive from the built-in exception of the same name (``ValueError``,
    ``FloatingPointError``, ``RuntimeWarning``, ...), so ``except ValueError`` in a test
    catches a ``ValueError`` raised by the student. The message is the student's, truncated.
    """
    etype = "Exception"


_STUDENT_CLASSES: dict[tuple[str, ...], type] = {}


def student_text(text, limit: int = MAX_TEXT) -> str:
    """Student-controlled text for a report: a string, one line, at most ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _student_exception(etype: str, bases: list, message: str) -> StudentError:
    names = tuple(b for b in bases if isinstance(b, str) and isinstance(getattr(builtins, b, None), type)
                  and issubclass(getattr(builtins, b), Exception)
                  and not issubclass(getattr(builtins, b), StudentError))[:8]
    cls = _STUDENT_CLASSES.get(names)
    if cls is None:
        parents = tuple(getattr(builtins, n) for n in names if getattr(builtins, n) is not Exception)
        # keep only a consistent MRO: most derived first, drop those already implied
        keep = []
        for p in parents:
            if not any(issubclass(k, p) for k in keep):
                keep = [k for k in keep if not issubclass(p, k)] + [p]
        cls = type("Student" + (names[0] if names else "Exception"), (StudentError, *keep), {})
        _STUDENT_CLASSES[names] = cls
    err = cls(f"your code raised {student_text(etype, 60)}: {student_text(message)}")
    err.etype = student_text(etype, 60)
    return err


# ----------------------------------------------------------------------------- encoding

def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii")


def encode(obj, callbacks: "CallbackTable", depth: int = 0):
    """Grader -> kernel: plain data by value, handles by id, anything callable as a callback."""
    if depth > MAX_DEPTH:
        raise ValueError("data nested too deeply to send")
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, np.generic) and np.dtype(type(obj)).name in _DTYPES:
        return {"t": "ns", "dtype": np.dtype(type(obj)).name, "b": _b64(np.asarray(obj))}
    if isinstance(obj, int):
        return {"t": "int", "v": str(int(obj))}
    if isinstance(obj, float):
        return {"t": "float", "v": repr(float(obj))}
    if isinstance(obj, complex):
        return {"t": "complex", "v": [repr(obj.real), repr(obj.imag)]}
    if isinstance(obj, bytes):
        return {"t": "bytes", "v": base64.b64encode(obj).decode("ascii")}
    if isinstance(obj, RemoteRef):
        return {"t": "ref", "id": obj._id}
    if isinstance(obj, np.ndarray) and obj.dtype.name in _DTYPES:
        return {"t": "nd", "dtype": obj.dtype.name, "shape": list(obj.shape), "b": _b64(obj)}
    if isinstance(obj, np.generic) and np.dtype(type(obj)).name in _DTYPES:
        return {"t": "ns", "dtype": np.dtype(type(obj)).name, "b": _b64(np.asarray(obj))}
    torch = _torch()
    if torch is not None and isinstance(obj, torch.Tensor):
        a = obj.detach().cpu().numpy()
        return {"t": "tensor", "dtype": a.dtype.name, "shape": list(a.shape), "b": _b64(a)}
    if isinstance(obj, (list, tuple)):
        return {"t": type(obj).__name__ if type(obj) in (list, tuple) else "tuple",
                "v": [encode(x, callbacks, depth + 1) for x in obj]}
    if isinstance(obj, dict):
        return {"t": "dict", "v": [[encode(k, callbacks, depth + 1), encode(v, callbacks, depth + 1)]
                                   for k, v in obj.items()]}
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                        functools.partial, np.ufunc, type)):
        return {"t": "cb", "id": callbacks.add(obj), "name": str(getattr(obj, "__name__", "callback"))}
    # any other object is lent: the kernel gets a stand-in whose attributes, items and calls
    # come back here (a gymnasium environment, a torch module)
    return {"t": "obj", "id": callbacks.add(obj), "name": type(obj).__name__}


def _torch():
    import sys
    return sys.modules.get("torch")


def _array(d: dict, kind: str):
    dtype = d.get("dtype")
    if dtype not in _DTYPES:
        raise ChannelError(f"array of an unsupported type {student_text(dtype, 40)!r}")
    raw = base64.b64decode(d.get("b", ""), validate=True)
    shape = d.get("shape", [])
    if kind == "ns":
        shape = []
    if not (isinstance(shape, list) and len(shape) <= 32
            and all(type(n) is int and 0 <= n for n in shape)):
        raise ChannelError("array with a malformed shape")
    size = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if size * np.dtype(dtype).itemsize != len(raw):
        raise ChannelError("array whose data does not match its shape")
    a = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    if kind == "ns":
        return a[()]
    if kind == "tensor":
        import torch
        return torch.from_numpy(a)
    return a


def decode(d, channel: "Channel", depth: int = 0):
    """Kernel -> grader: build plain data and handles only; reject anything else."""
    if depth > MAX_DEPTH:
        raise ChannelError("data nested too deeply")
    if d is None or type(d) in (bool, str):
        return d
    if type(d) is not dict:
        raise ChannelError("malformed value")
    t = d.get("t")
    v = d.get("v")
    if t == "int" and type(v) is str and len(v) < 400:
        return int(v)
    if t == "float" and type(v) is str and len(v) < 40:
        return float(v)
    if t == "complex" and type(v) is list and len(v) == 2 and all(type(x) is str and len(x) < 40 for x in v):
        return complex(float(v[0]), float(v[1]))
    if t == "bytes" and type(v) is str:
        return base64.b64decode(v, validate=True)
    if t in ("nd", "ns", "tensor"):
        return _array(d, t)
    if t in ("list", "tuple") and type(v) is list:
        items = [decode(x, channel, depth + 1) for x in v]
        return items if t == "list" else tuple(items)
    if t == "dict" and type(v) is list:
        out = {}
        for pair in v:
            if type(pair) is not list or len(pair) != 2:
                raise ChannelError("malformed dict")
            key = decode(pair[0], channel, depth + 1)
            if isinstance(key, (list, dict, np.ndarray, RemoteRef)) or _is_tensor(key):
                raise ChannelError("dict key of an unhashable type")
            out[key] = decode(pair[1], channel, depth + 1)
        return out
    if t == "ref" and type(d.get("id")) is int:
        mro = d.get("mro")
        mro = [student_text(m, 120) for m in mro[:32]] if type(mro) is list else []
        return RemoteRef(channel, d["id"], mro)
    raise ChannelError("malformed value")


def _is_tensor(x) -> bool:
    torch = _torch()
    return torch is not None and isinstance(x, torch.Tensor)


# ----------------------------------------------------------------------------- handles

class RemoteRef:
    """A handle on an object in the student's kernel.

    Calls, attributes, items, ``len``, iteration, ``float``/``int`` and ``np.asarray`` are
    forwarded and come back as plain data or new handles. Comparisons and truth values are not
    forwarded (a handle equals only itself, and has no truth value), so no student object can
    decide the outcome of an ``assert``.
    """
    __slots__ = ("_channel", "_id", "_mro")

    def __init__(self, channel: "Channel", ident: int, mro: list[str]):
        object.__setattr__(self, "_channel", channel)
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_mro", tuple(mro))

    def _ask(self, op: str, **kw):
        return self._channel.request({"op": op, "ref": self._id, **kw})

    def __getattr__(self, name: str):
        if name.startswith("__") and name not in ("__name__", "__qualname__"):
            raise AttributeError(name)
        return self._ask("getattr", name=name)

    def __setattr__(self, name: str, value):
        self._ask("setattr", name=name, value=value)

    def __call__(self, *args, **kwargs):
        return self._ask("call", args=list(args), kwargs=kwargs)

    def __getitem__(self, key):
        return self._ask("getitem", key=key)

    def __setitem__(self, key, value):
        self._ask("setitem", key=key, value=value)

    def __len__(self):
        n = self._ask("len")
        if type(n) is not int or n < 0:
            raise TypeError("the student object's len() is not a non-negative int")
        return n

    def __iter__(self):
        items = self._ask("list")
        if type(items) is not list:
            raise TypeError("the student object cannot be iterated")
        return iter(items)

    def __array__(self, dtype=None, copy=None):
        a = self._ask("array")
        if _is_tensor(a):
            a = a.numpy()
        if not isinstance(a, np.ndarray):
            raise TypeError("the student object cannot be converted to an array")
        return a.astype(dtype) if dtype is not None else a

    def __float__(self):
        x = self._ask("float")
        if type(x) is not float:
            raise TypeError("the student object cannot be converted to float")
        return x

    def __int__(self):
        x = self._ask("int")
        if type(x) is not int:
            raise TypeError("the student object cannot be converted to int")
        return x

    __index__ = __int__

    def __bool__(self):
        raise TypeError("a student object has no truth value in a test; compare plain values")

    # Arithmetic is forwarded (its result is data or a handle like any other); comparisons are
    # not. NumPy defers to these instead of treating a handle as an element.
    __array_ufunc__ = None

    def _binop(self, name, other):
        return self._ask("binop", name=name, value=other)

    def __add__(self, o): return self._binop("add", o)
    def __radd__(self, o): return self._binop("radd", o)
    def __sub__(self, o): return self._binop("sub", o)
    def __rsub__(self, o): return self._binop("rsub", o)
    def __mul__(self, o): return self._binop("mul", o)
    def __rmul__(self, o): return self._binop("rmul", o)
    def __truediv__(self, o): return self._binop("truediv", o)
    def __rtruediv__(self, o): return self._binop("rtruediv", o)
    def __pow__(self, o): return self._binop("pow", o)
    def __rpow__(self, o): return self._binop("rpow", o)
    def __matmul__(self, o): return self._binop("matmul", o)
    def __rmatmul__(self, o): return self._binop("rmatmul", o)
    def __neg__(self): return self._binop("neg", None)

    def __repr__(self):
        return f"<student object of type {self._mro[0] if self._mro else '?'}>"

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


def kernel_import(env, module: str, name: str | None = None):
    """``module`` (or its attribute ``name``) as the student's code sees it.

    In the grader this is a handle on the kernel's own import, for objects a test must build
    where the student's code runs (a ``utils.autodiff.Tensor``, a gymnasium environment); in a
    student's ``grader.check`` (where ``env`` is the notebook's globals) it is a plain import.
    Whatever the student's kernel does with it, the test still judges values it computes itself.
    """
    if isinstance(env, RemoteEnv):
        return env._channel.request({"op": "import", "name": module, "attr": name})
    import importlib
    mod = importlib.import_module(module)
    return mod if name is None else getattr(mod, name)


def kernel_object(env, value):
    """A copy of ``value`` kept in the student's kernel, as a handle (the value itself in a
    student's ``grader.check``): pass it to a student's function, then read it back with
    ``np.asarray`` to see whether the function changed it in place."""
    if isinstance(env, RemoteEnv):
        return env._channel.request({"op": "keep", "value": value})
    return value


def type_names(obj) -> list[str]:
    """Qualified names of the classes of ``obj`` (its type first), for real objects and handles.

    For a handle the names are the student kernel's word: enough for a helpful message or an
    interface check, never a proof of correctness.
    """
    if isinstance(obj, RemoteRef):
        return list(obj._mro)
    return [f"{c.__module__}.{c.__qualname__}" for c in type(obj).__mro__]


class RemoteEnv(dict):
    """The student's global names, seen from the grader (what otter passes to a test as ``env``)."""

    def __init__(self, channel: "Channel"):
        super().__init__()
        self._channel = channel

    def __getitem__(self, name):
        return self._channel.request({"op": "get", "name": name})

    def get(self, name, default=None):
        try:
            return self[name]
        except KeyError:
            return default

    def __setitem__(self, name, value):
        self._channel.request({"op": "set", "name": name, "value": value})

    def __contains__(self, name):
        return self._channel.request({"op": "has", "name": name}) is True

    def update(self, other=(), **kwargs):
        for name, value in dict(other, **kwargs).items():
            self[name] = value


class CallbackTable:
    """Grader functions lent to the kernel while one test runs."""

    def __init__(self):
        self._funcs: dict[int, object] = {}
        self._next = 1

    def add(self, func) -> int:
        for k, f in self._funcs.items():
            if f is func:
                return k
        k, self._next = self._next, self._next + 1
        self._funcs[k] = func
        return k

    def get(self, k):
        return self._funcs.get(k)

    def clear(self):
        self._funcs.clear()


# ----------------------------------------------------------------------------- the channel

def _numpy_state() -> tuple[dict, str]:
    """The grader's current ``np.errstate`` and the action for RuntimeWarning, to apply in the
    kernel for the duration of a request (so ``with np.errstate(over='raise')`` in a test works)."""
    action = "default"
    for f in warnings.filters:
        act, msg, cat, mod, _ = f
        if issubclass(RuntimeWarning, cat) and (msg is None or msg.match("")) and mod is None:
            action = act
            break
    return np.geterr(), action


class Channel:
    """Requests to the stub in a running kernel, through a jupyter_client blocking client.

    For each question the grader starts the stub's request loop with one ``execute_request``
    (``__grading__.loop()``). From then on the kernel always waits inside an ``input_request``
    and the grader always answers it: with a request (whose result comes back as the next
    ``input_request``), with the answer to a callback the kernel asked for (the student's code
    called a function the grader lent it; that function may itself make requests, which travel
    the same way), or with ``stop``. Output the kernel prints is read and dropped. A deadline
    (``time.monotonic()``) ends the question: the kernel is interrupted, and if it does not come
    back within ``grace`` seconds the channel is marked broken.
    """

    def __init__(self, kc, deadline: float, interrupt=None, grace: float = 5.0):
        import zmq

        self.kc = kc
        self.deadline = deadline          # time.monotonic() by which the current question ends
        self.interrupt = interrupt        # callable that interrupts the kernel
        self.grace = grace
        self.callbacks = CallbackTable()
        self.broken: str | None = None    # set when the kernel stopped answering
        self.callback_calls = 0
        self._depth = 0                   # callbacks being run, one inside the other
        self._msg_id = None
        self._interrupted_at = None
        self._poller = zmq.Poller()
        for ch in (kc.stdin_channel, kc.shell_channel, kc.iopub_channel):
            self._poller.register(ch.socket, zmq.POLLIN)

    def open(self):
        """Start the stub's request loop in the kernel (one execute_request per question)."""
        self._msg_id = self.kc.execute("__grading__.loop()", store_history=False,
                                       allow_stdin=True, stop_on_error=False)
        self._interrupted_at = None
        ready = self._wait()
        if ready.get("op") != "ready":
            self.broken = "the grading stub in the kernel did not start"
            raise ChannelError(self.broken)

    def close(self):
        """End the request loop (if it still runs). A kernel whose loop does not end, even when
        interrupted, is marked broken, so that the grader replaces it."""
        if self._msg_id is None or self.broken:
            return
        self.kc.input(json.dumps({"op": "stop"}))
        for attempt in range(2):
            end = time.monotonic() + self.grace
            while time.monotonic() < end:
                try:
                    msg = self.kc.shell_channel.get_msg(timeout=0.05)
                except queue.Empty:
                    continue
                if msg["parent_header"].get("msg_id") == self._msg_id:
                    self._msg_id = None
                    return
            if attempt == 0 and self.interrupt is not None:
                self.interrupt()
        self.broken = "the grading stub in the kernel did not stop"
        self._msg_id = None

    def request(self, req: dict):
        if self.broken:
            raise ChannelError(self.broken)
        if time.monotonic() > self.deadline:
            raise TimeoutError("stopped at the time limit")
        if self._msg_id is None:
            self.open()
        errstate, action = _numpy_state()
        payload = dict(req)
        for key in ("value", "key"):
            if key in payload:
                payload[key] = encode(payload[key], self.callbacks)
        if "args" in payload:
            payload["args"] = encode(payload["args"], self.callbacks)
            payload["kwargs"] = encode(payload["kwargs"], self.callbacks)
        payload["errstate"] = errstate
        payload["warn"] = action
        self.kc.input(json.dumps({"op": "request", "req": json.dumps(payload)}))
        reply = self._wait()
        if reply.get("op") != "result":
            self.broken = "the grading stub in the kernel was disturbed"
            raise ChannelError(self.broken)
        if not reply.get("ok"):
            if reply.get("missing"):
                raise KeyError(student_text(req.get("name", ""), 80))
            raise _student_exception(reply.get("etype", "Exception"), reply.get("bases", []),
                                     reply.get("msg", ""))
        return decode(reply.get("value"), self)

    def _next(self):
        """The next message for the current request: ('input', content) or ('reply', content)."""
        while True:
            now = time.monotonic()
            if now > self.deadline and self._interrupted_at is None:
                self._interrupted_at = now
                if self.interrupt is not None:
                    self.interrupt()
            if self._interrupted_at is not None and now > self._interrupted_at + self.grace:
                self.broken = "the kernel stopped answering after the time limit"
                raise ChannelError(self.broken)
            ready = dict(self._poller.poll(20))
            if not ready:
                if not self._alive():
                    self.broken = "the Python kernel died"
                    raise ChannelError(self.broken)
                continue
            for _ in range(1000):  # output is read and dropped
                try:
                    self.kc.iopub_channel.get_msg(timeout=0)
                except queue.Empty:
                    break
            for name, ch in (("input", self.kc.stdin_channel), ("reply", self.kc.shell_channel)):
                try:
                    msg = ch.get_msg(timeout=0)
                except queue.Empty:
                    continue
                if msg["parent_header"].get("msg_id") == self._msg_id:
                    return name, msg["content"]

    def _wait(self) -> dict:
        """Serve the kernel's callbacks until it sends a result (or says it is ready)."""
        while True:
            kind, content = self._next()
            if kind == "reply":  # the request loop ended: interrupted, or the student's code broke it
                self._msg_id = None
                if self._interrupted_at is not None or content.get("ename") == "KeyboardInterrupt":
                    raise TimeoutError("stopped at the time limit")
                self.broken = ("the grading stub in the kernel stopped "
                               f"({student_text(content.get('ename', 'no error'), 60)})")
                raise ChannelError(self.broken)
            data = self._parse(content.get("prompt", ""))
            op = data.get("op") if data else None
            if op in ("result", "ready"):
                return data
            if op == "callback":
                self._depth += 1
                try:
                    answer = json.dumps(self._callback(data))
                finally:
                    self._depth -= 1
                if self.broken:
                    raise ChannelError(self.broken)
                self.kc.input(answer)
            else:  # the student's code asked for input, or sent garbage
                self.kc.input(json.dumps({"ok": False, "etype": "RuntimeError",
                                          "msg": "no input is available while grading"}))

    def _parse(self, prompt: str):
        if len(prompt) > MAX_MESSAGE:
            return None
        try:
            data = json.loads(prompt)
        except ValueError:
            return None
        return data if type(data) is dict else None

    def _alive(self) -> bool:
        try:
            return bool(self.kc.is_alive())
        except Exception:
            return True

    def _callback(self, data: dict) -> dict:
        self.callback_calls += 1
        target = self.callbacks.get(data.get("id"))
        if target is None or self.callback_calls > 10**7:
            return {"ok": False, "etype": "RuntimeError",
                    "msg": "this grader object is no longer available"}
        try:
            if "attr" in data:
                name = data["attr"]
                if type(name) is not str or name.startswith("_"):
                    raise AttributeError(f"no attribute {student_text(name, 40)!r} here")
                value = getattr(target, name)
            elif "item" in data:
                value = target[decode(data["item"], self)]
            elif data.get("special") == "len":
                value = len(target)
            elif data.get("special") == "list":
                value = list(target)
            else:
                args = decode(data.get("args"), self)
                kwargs = decode(data.get("kwargs"), self)
                if type(args) is not list or type(kwargs) is not dict:
                    raise ChannelError("malformed callback")
                value = target(*args, **{str(k): v for k, v in kwargs.items()})
            return {"ok": True, "value": encode(value, self.callbacks)}
        except (ChannelError, TimeoutError):
            raise
        except StudentError as e:
            return {"ok": False, "etype": e.etype, "msg": str(e)}
        except Exception as e:  # the grader's function failed on what the student passed it
            return {"ok": False, "etype": type(e).__name__, "msg": student_text(e)}


# ----------------------------------------------------------------------------- kernel side

KERNEL_STUB = r'''
def __grading_install():
    import base64, builtins, importlib.util, sys, warnings
    import numpy as np

    def fresh(name):   # a private copy of a module, whatever the notebook did to the shared one
        spec = importlib.util.find_spec(name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    json = fresh("json")
    ip = get_ipython()
    kernel = ip.kernel
    refs = {}
    DTYPES = %(dtypes)r
    EXC = [n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)]

    def ask(msg):
        return kernel.raw_input(json.dumps(msg))

    def b64(a):
        return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii")

    def names(t):
        out = []
        for c in getattr(t, "__mro__", (t,))[:32]:
            try:
                out.append(str(c.__module__) + "." + str(c.__qualname__))
            except Exception:
                out.append("?")
        return out

    def enc(x, depth=0):
        if depth > 24:
            raise ValueError("data nested too deeply to return to the grader")
        if x is None or type(x) in (bool, str):
            return x
        if isinstance(x, np.generic) and np.dtype(type(x)).name in DTYPES:
            return {"t": "ns", "dtype": np.dtype(type(x)).name, "b": b64(np.asarray(x))}
        if isinstance(x, bool):
            return bool(x)
        if isinstance(x, int):
            return {"t": "int", "v": str(int.__int__(x))}
        if isinstance(x, float):
            return {"t": "float", "v": float.__repr__(float.__float__(x))}
        if isinstance(x, complex):
            return {"t": "complex", "v": [repr(x.real), repr(x.imag)]}
        if isinstance(x, str):
            return str.__str__(x)
        if isinstance(x, bytes):
            return {"t": "bytes", "v": base64.b64encode(bytes(x)).decode("ascii")}
        if isinstance(x, np.ndarray) and x.dtype.name in DTYPES:
            return {"t": "nd", "dtype": x.dtype.name, "shape": list(x.shape), "b": b64(x)}
        if isinstance(x, np.generic) and np.dtype(type(x)).name in DTYPES:
            return {"t": "ns", "dtype": np.dtype(type(x)).name, "b": b64(np.asarray(x))}
        torch = sys.modules.get("torch")
        if torch is not None and isinstance(x, torch.Tensor) and not x.is_sparse:
            a = x.detach().cpu()
            if a.dtype == torch.bfloat16:
                a = a.float()
            a = a.numpy()
            if a.dtype.name in DTYPES:
                return {"t": "tensor", "dtype": a.dtype.name, "shape": list(a.shape), "b": b64(a)}
        if type(x) in (list, tuple) or (isinstance(x, tuple) and hasattr(x, "_fields")):
            return {"t": "list" if type(x) is list else "tuple", "v": [enc(y, depth + 1) for y in x]}
        if type(x) is dict:
            return {"t": "dict", "v": [[enc(k, depth + 1), enc(v, depth + 1)] for k, v in x.items()]}
        refs[id(x)] = x
        return {"t": "ref", "id": id(x), "mro": names(type(x))}

    def converse(msg):
        """Send msg to the grader and serve its requests until it answers."""
        while True:
            reply = json.loads(ask(msg))
            if type(reply) is dict and reply.get("op") == "request":
                msg = serve_one(reply["req"])
                continue
            return reply

    def answer(reply):
        if reply.get("ok"):
            return dec(reply.get("value"))
        cls = getattr(builtins, reply.get("etype", ""), None)
        if not (isinstance(cls, type) and issubclass(cls, Exception)):
            cls = RuntimeError
        raise cls(reply.get("msg", ""))

    def callback(cid, name):
        def call(*args, **kwargs):
            return answer(converse({"op": "callback", "id": cid, "args": enc(list(args)),
                                    "kwargs": enc(dict(kwargs))}))
        call.__name__ = call.__qualname__ = str(name)
        return call

    class Lent:
        """Stand-in for an object the grader lends (its attributes and calls stay there)."""
        __slots__ = ("_cid", "_name")

        def __init__(self, cid, name):
            object.__setattr__(self, "_cid", cid)
            object.__setattr__(self, "_name", name)

        def __getattr__(self, attr):
            if attr.startswith("_"):
                raise AttributeError(attr)
            return answer(converse({"op": "callback", "id": self._cid, "attr": attr}))

        def __call__(self, *args, **kwargs):
            return answer(converse({"op": "callback", "id": self._cid, "args": enc(list(args)),
                                    "kwargs": enc(dict(kwargs))}))

        def __getitem__(self, key):
            return answer(converse({"op": "callback", "id": self._cid, "item": enc(key)}))

        def __len__(self):
            return answer(converse({"op": "callback", "id": self._cid, "special": "len"}))

        def __iter__(self):
            return iter(answer(converse({"op": "callback", "id": self._cid, "special": "list"})))

        def __repr__(self):
            return "<grader's " + str(self._name) + ">"

    def dec(d):
        if d is None or type(d) in (bool, str):
            return d
        t = d["t"]
        if t == "int":
            return int(d["v"])
        if t == "float":
            return float(d["v"])
        if t == "complex":
            return complex(float(d["v"][0]), float(d["v"][1]))
        if t == "bytes":
            return base64.b64decode(d["v"])
        if t in ("nd", "ns", "tensor"):
            a = np.frombuffer(base64.b64decode(d["b"]), dtype=d["dtype"])
            if t == "ns":
                return a.reshape(())[()]
            a = a.reshape(d["shape"]).copy()
            if t == "tensor":
                import torch
                return torch.from_numpy(a)
            return a
        if t == "list":
            return [dec(y) for y in d["v"]]
        if t == "tuple":
            return tuple(dec(y) for y in d["v"])
        if t == "dict":
            return {dec(k): dec(v) for k, v in d["v"]}
        if t == "ref":
            return refs[d["id"]]
        if t == "cb":
            return callback(d["id"], d.get("name", "callback"))
        if t == "obj":
            return Lent(d["id"], d.get("name", "object"))
        raise ValueError("bad value")

    def do(req):
        op = req["op"]
        ns = ip.user_ns
        if op == "get":
            return ns[req["name"]]
        if op == "has":
            return req["name"] in ns
        if op == "set":
            ns[req["name"]] = dec(req["value"])
            return None
        if op == "import":
            import importlib
            mod = importlib.import_module(req["name"])
            return mod if req.get("attr") is None else getattr(mod, req["attr"])
        obj = refs[req["ref"]]
        if op == "getattr":
            return getattr(obj, req["name"])
        if op == "setattr":
            setattr(obj, req["name"], dec(req["value"]))
            return None
        if op == "call":
            return obj(*dec(req["args"]), **dec(req["kwargs"]))
        if op == "getitem":
            return obj[dec(req["key"])]
        if op == "setitem":
            obj[dec(req["key"])] = dec(req["value"])
            return None
        if op == "len":
            return len(obj)
        if op == "list":
            return list(obj)
        if op == "array":
            return np.asarray(obj)
        if op == "float":
            return float(obj)
        if op == "int":
            return int(obj)
        if op == "binop":
            import operator
            name, other = req["name"], dec(req["value"])
            if name == "neg":
                return -obj
            if name.startswith("r") and name != "rshift":
                return getattr(operator, name[1:])(other, obj)
            return getattr(operator, name)(obj, other)
        raise ValueError("unknown request")

    def serve_one(text):
        req = json.loads(text)
        if req.get("op") == "keep":   # a handle on a new object, never a copy of it
            obj = dec(req["value"])
            refs[id(obj)] = obj
            return {"op": "result", "ok": True, "value": {"t": "ref", "id": id(obj), "mro": names(type(obj))}}
        try:
            with np.errstate(**req.get("errstate", {})), warnings.catch_warnings():
                if req.get("warn") in ("error", "ignore", "always", "default"):
                    warnings.simplefilter(req["warn"], RuntimeWarning)
                value = do(req)
            return {"op": "result", "ok": True, "value": enc(value)}
        except KeyError as e:
            missing = req["op"] == "get" and req["name"] not in ip.user_ns
            return {"op": "result", "ok": False, "missing": missing, "etype": "KeyError",
                    "bases": ["KeyError", "LookupError", "Exception"], "msg": str(e)[:2000]}
        except Exception as e:
            return {"op": "result", "ok": False, "etype": type(e).__name__,
                    "bases": [c.__name__ for c in type(e).__mro__ if c.__name__ in EXC],
                    "msg": str(e)[:2000]}

    def loop():
        msg = {"op": "ready"}
        while True:
            reply = json.loads(ask(msg))
            if type(reply) is dict and reply.get("op") == "request":
                msg = serve_one(reply["req"])
            elif type(reply) is dict and reply.get("op") == "stop":
                return
            else:
                msg = {"op": "result", "ok": False, "etype": "RuntimeError", "msg": "bad message"}

    class Stub:
        pass
    stub = Stub()
    stub.loop = loop
    return stub

__grading__ = __grading_install()
del __grading_install
''' % {"dtypes": sorted(_DTYPES)}
