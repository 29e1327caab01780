# Wrong answer for q3: the loss not shifted by one position: each window's inputs are scored against themselves, so the
# model is asked for the character it has just been shown (a wonderfully low loss for a model that copies its input).
def bits_per_char(model, ids, window=256):
    """Average bits per predicted character of a causal character model on ids (N,), in windows of at most
    `window` predictions that overlap by one character. Returns a float."""
    ids = torch.as_tensor(np.asarray(ids, dtype=np.int64))
    nats, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(ids) - 1, window):
            x = ids[start:start + window]
            logits = model(x[None])[0]
            nats += F.cross_entropy(logits, x, reduction="sum").item()
            count += len(x)
    return nats / count / math.log(2)
