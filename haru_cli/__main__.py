from haru_cli.cli import main

main()
