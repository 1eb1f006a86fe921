print("boxtribute")
