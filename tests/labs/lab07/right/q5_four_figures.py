gamma_star = 0.5623   # 0.1 ** (1 / 4) = 0.56234..., to the 4 significant figures the question asks for
