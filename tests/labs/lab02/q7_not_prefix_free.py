# Wrong answer for q7: the shortest strings handed out in order of probability ("0", "1", "00", "01", ...):
# short, but not a prefix code.
def huffman_code(p):
    """Binary Huffman code for the distribution p: a list of codewords (strings of '0' and '1'), one per symbol."""
    p = as_distribution(p, "p")
    order = np.argsort(-p, kind="stable")
    codes, i = [""] * len(p), 0
    length = 1
    while i < len(p):
        for v in range(2 ** length):
            if i == len(p):
                break
            codes[order[i]] = format(v, f"0{length}b")
            i += 1
        length += 1
    return codes
