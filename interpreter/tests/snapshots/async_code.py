async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()

async def gather(items):
    results = [await fetch(None, i) for i in items]
    async for chunk in stream():
        results.append(chunk)
    return results
