from typing import List, Dict, Optional, Union, Any, Callable, Tuple, Iterable, Iterator, Set, TypeVar, Sequence
import typing
T = TypeVar("T")
def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None
def apply(f: Callable[[int], int], values: Iterable[int]) -> List[int]:
    return [f(v) for v in values]
def lookup(d: Dict[str, Union[int, str]], key: str, default: Any = None) -> Union[int, str, None]:
    return d.get(key, default)
pair: Tuple[int, str] = (1, "a")
names: Set[str] = set()
def gen() -> Iterator[int]:
    yield 1
print(first([3, 4]), first([]), apply(lambda x: x * 2, [1, 2]), lookup({"a": 1}, "a"), pair, list(gen()))
print(hasattr(typing, "Optional"), typing.TYPE_CHECKING)
