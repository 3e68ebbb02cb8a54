# A text adventure command parser, the classic match-statement tutorial.
from dataclasses import dataclass

@dataclass
class Room:
    name: str
    exits: dict

rooms = {
    "hall": Room("hall", {"north": "kitchen", "east": "study"}),
    "kitchen": Room("kitchen", {"south": "hall"}),
    "study": Room("study", {"west": "hall"}),
}

inventory = []
here = "hall"

def run(line):
    global here
    match line.split():
        case []:
            return "Say something."
        case ["quit" | "exit"]:
            return "Bye!"
        case ["look"]:
            room = rooms[here]
            return f"You are in the {room.name}. Exits: {', '.join(sorted(room.exits))}."
        case ["go", direction] if direction in rooms[here].exits:
            here = rooms[here].exits[direction]
            return f"You go {direction} to the {here}."
        case ["go", direction]:
            return f"You can't go {direction} from the {here}."
        case ["go"]:
            return "Go where?"
        case ["take" | "get", *objects] if objects:
            inventory.extend(objects)
            return f"Taken: {', '.join(objects)}."
        case ["drop", obj] if obj in inventory:
            inventory.remove(obj)
            return f"Dropped {obj}."
        case ["drop", obj]:
            return f"You don't have a {obj}."
        case ["inventory" | "i"]:
            return f"You carry: {inventory or 'nothing'}"
        case [verb, *_]:
            return f"I don't know how to {verb!r}."

script = ["", "look", "go west", "go north", "look", "take knife fork", "i", "drop spoon",
          "drop knife", "inventory", "go", "go south", "go east", "dance wildly", "quit"]
for line in script:
    print(f"> {line}")
    print(run(line))
