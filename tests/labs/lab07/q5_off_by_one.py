# Wrong answer for q5: counts five discounts for the fifth reward instead of four.
gamma_star = 0.1 ** (1 / 5)
