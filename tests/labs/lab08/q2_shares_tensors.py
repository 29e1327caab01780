def update_target(online, target, tau):
    for p_target, p_online in zip(target.parameters(), online.parameters()):
        p_target.data = tau * p_online.data + (1.0 - tau) * p_target.data if tau < 1 else p_online.data
