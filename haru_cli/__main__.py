from haru_cli.entry import main

main()
