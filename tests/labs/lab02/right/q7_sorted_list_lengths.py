# Right answer for q7: Huffman's lengths from a sorted list (no heap), then a canonical code from the lengths.
def huffman_code(p):
    """Binary Huffman code for the distribution p: a list of codewords (strings of '0' and '1'), one per symbol."""
    p = as_distribution(p, "p")
    groups = sorted(([float(pk), [k]] for k, pk in enumerate(p)), key=lambda g: g[0])
    lengths = np.zeros(len(p), dtype=int)
    while len(groups) > 1:
        (p0, g0), (p1, g1) = groups[0], groups[1]
        lengths[g0 + g1] += 1
        groups = sorted(groups[2:] + [[p0 + p1, g0 + g1]], key=lambda g: g[0])
    order = np.argsort(lengths, kind="stable")
    codes, code, prev = [""] * len(p), 0, lengths[order[0]]
    for k in order:
        code <<= int(lengths[k] - prev)
        prev = lengths[k]
        codes[k] = format(code, f"0{lengths[k]}b")
        code += 1
    return codes
