def update_target(online, target, tau):
    if tau == 1:
        target.load_state_dict(online.state_dict())
        return
    with torch.no_grad():
        for p_target, p_online in zip(target.parameters(), online.parameters()):
            p_target.lerp_(p_online, tau)
