chatguard: corpus.txt: No such file or directory (os error 2)
