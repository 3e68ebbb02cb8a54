import asyncio

async def async_task(name):
    print(f"Async Task {name}: Starting...")
    await asyncio.sleep(0.05)  # Simulate an asynchronous I/O operation
    print(f"Async Task {name}: Finishing.")

async def main_async():
    await asyncio.gather(
        async_task("_A"),
        async_task("_B"),
        async_task("_C")
    )
    print("All async tasks finished.")

if __name__ == "__main__":
    asyncio.run(main_async())
