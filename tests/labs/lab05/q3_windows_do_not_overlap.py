# Wrong answer for q3: cuts the text into disjoint chunks of window + 1 characters, so the first character of every
# chunk after the first is never predicted (nor is the character before it ever used as context for it).
def bits_per_char(model, ids, window=256):
    """Average bits per predicted character of a causal character model on ids (N,), in windows of at most
    `window` predictions that overlap by one character. Returns a float."""
    ids = torch.as_tensor(np.asarray(ids, dtype=np.int64))
    nats, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(ids) - 1, window + 1):
            chunk = ids[start:start + window + 1]
            if len(chunk) < 2:
                break
            nats += F.cross_entropy(model(chunk[None, :-1])[0], chunk[1:], reduction="sum").item()
            count += len(chunk) - 1
    return nats / count / math.log(2)
