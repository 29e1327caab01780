# Wrong answer for q7: a canonical prefix code with the Shannon lengths ceil(-log2 p): within one bit
# of the entropy, but not optimal.
def huffman_code(p):
    """Binary Huffman code for the distribution p: a list of codewords (strings of '0' and '1'), one per symbol."""
    p = as_distribution(p, "p")
    with np.errstate(divide="ignore"):
        lengths = np.where(p > 0, np.ceil(-np.log2(np.where(p > 0, p, 1.0))), 0).astype(int)
    lengths[p == 0] = lengths.max() + 1
    order = np.argsort(lengths, kind="stable")
    codes, code, prev = [""] * len(p), 0, lengths[order[0]]
    for k in order:
        code <<= int(lengths[k] - prev)
        prev = lengths[k]
        codes[k] = format(code, f"0{lengths[k]}b")
        code += 1
    return codes
