# Wrong answer for q3: averages the windows' mean losses, so the characters of a shorter last window weigh more than the others.
def bits_per_char(model, ids, window=256):
    """Average bits per predicted character of a causal character model on ids (N,), in windows of at most
    `window` predictions that overlap by one character. Returns a float."""
    ids = torch.as_tensor(np.asarray(ids, dtype=np.int64))
    means = []
    with torch.no_grad():
        for start in range(0, len(ids) - 1, window):
            y = ids[start + 1:start + window + 1]
            x = ids[start:start + len(y)]
            means.append(F.cross_entropy(model(x[None])[0], y).item())
    return float(np.mean(means)) / math.log(2)
