# Wrong answer for q3: right windows and targets, but returns nats per character (F.cross_entropy's unit), not bits.
def bits_per_char(model, ids, window=256):
    """Average bits per predicted character of a causal character model on ids (N,), in windows of at most
    `window` predictions that overlap by one character. Returns a float."""
    ids = torch.as_tensor(np.asarray(ids, dtype=np.int64))
    nats = 0.0
    with torch.no_grad():
        for start in range(0, len(ids) - 1, window):
            y = ids[start + 1:start + window + 1]
            x = ids[start:start + len(y)]
            nats += F.cross_entropy(model(x[None])[0], y, reduction="sum").item()
    return nats / (len(ids) - 1)
