def lr_schedule(n_steps, mu, L):
    """Chebyshev roots of [mu, L] taken in Leja order (each next root as far as possible, in product of
    distances, from those already used), the classical stable ordering of Richardson's iteration."""
    k = np.arange(n_steps)
    roots = list((L + mu) / 2 + (L - mu) / 2 * np.cos(np.pi * (2 * k + 1) / (2 * n_steps)))
    chosen = [roots.pop(int(np.argmax(np.abs(roots))))]
    while roots:
        scores = [np.sum(np.log(np.abs(r - np.array(chosen)) / (L - mu))) for r in roots]
        chosen.append(roots.pop(int(np.argmax(scores))))
    return 1.0 / np.array(chosen)
