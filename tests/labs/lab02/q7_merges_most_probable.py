# Wrong answer for q7: the two MOST probable groups are merged at each step: a prefix code, far from optimal.
def huffman_code(p):
    """Binary Huffman code for the distribution p: a list of codewords (strings of '0' and '1'), one per symbol."""
    p = as_distribution(p, "p")
    groups = [(float(pk), [k]) for k, pk in enumerate(p)]
    codes = [""] * len(p)
    while len(groups) > 1:
        groups.sort(key=lambda g: -g[0])
        (p0, g0), (p1, g1) = groups[0], groups[1]
        for k in g0:
            codes[k] = "0" + codes[k]
        for k in g1:
            codes[k] = "1" + codes[k]
        groups = [(p0 + p1, g0 + g1)] + groups[2:]
    return codes
